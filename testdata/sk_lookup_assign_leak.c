// SPDX-License-Identifier: MIT
/* sk_lookup: steers ports 7000-7099 but drops the socket reference when assign fails. */
#include <linux/bpf.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} listener SEC(".maps");

SEC("sk_lookup")
int steer(struct bpf_sk_lookup *ctx)
{
	__u32 key = 0;
	struct bpf_sock *sk;

	if (ctx->protocol != IPPROTO_TCP || ctx->local_port < 7000 || ctx->local_port >= 7100)
		return SK_PASS;
	sk = bpf_map_lookup_elem(&listener, &key);
	if (!sk)
		return SK_PASS;
	if (bpf_sk_assign(ctx, sk, 0))
		/* BUG: returns without bpf_sk_release(sk): reference leak */
		return SK_DROP;
	bpf_sk_release(sk);
	return SK_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

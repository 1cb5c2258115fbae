// SPDX-License-Identifier: MIT
/* sk_reuseport: picks the socket from the first payload byte, read without a bounds check. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define NSOCKS 8

struct {
	__uint(type, BPF_MAP_TYPE_REUSEPORT_SOCKARRAY);
	__uint(max_entries, NSOCKS);
	__type(key, __u32);
	__type(value, __u64);
} socks SEC(".maps");

SEC("sk_reuseport")
int select_sock(struct sk_reuseport_md *reuse)
{
	__u8 *p = reuse->data;
	__u32 key;

	if (reuse->len < 1)
		return SK_DROP;
	/* BUG: reuse->len does not bound the data pointer; data_end is never checked */
	key = *p % NSOCKS;
	if (bpf_sk_select_reuseport(reuse, &socks, &key, 0) == 0)
		return SK_PASS;
	return SK_DROP;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

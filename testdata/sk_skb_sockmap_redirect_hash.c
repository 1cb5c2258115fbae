// SPDX-License-Identifier: MIT
/* sk_skb verdict: forwards messages with the sockhash helper to a map that is a sockmap. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} peers SEC(".maps");

SEC("sk_skb/stream_verdict")
int to_peer(struct __sk_buff *skb)
{
	__u32 key = skb->local_port & 15;

	/* BUG: bpf_sk_redirect_hash needs a sockhash; a sockmap takes bpf_sk_redirect_map */
	return bpf_sk_redirect_hash(skb, &peers, &key, 0);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

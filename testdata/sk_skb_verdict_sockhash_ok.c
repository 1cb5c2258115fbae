// SPDX-License-Identifier: MIT
/* sk_skb verdict: forward each message to the peer socket stored in a sockhash under its port. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SOCKHASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} peers SEC(".maps");

SEC("sk_skb/stream_verdict")
int to_peer(struct __sk_buff *skb)
{
	__u32 key = skb->local_port;

	return bpf_sk_redirect_hash(skb, &peers, &key, 0);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* sk_skb stream verdict: forward each message to the socket picked by its first byte. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} sock_map SEC(".maps");

SEC("sk_skb/stream_verdict")
int sk_verdict(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	__u8 *p = data;

	if ((void *)(p + 1) > data_end)
		return SK_DROP;
	return bpf_sk_redirect_map(skb, &sock_map, *p & 15, 0);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

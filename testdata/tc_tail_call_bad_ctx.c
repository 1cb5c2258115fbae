// SPDX-License-Identifier: MIT
/* tc: jumps to the policy program selected by the mark, passing the packet data as context. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u32);
} policies SEC(".maps");

SEC("tc")
int tc_policy(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;

	/* BUG: bpf_tail_call needs the program context as first argument, not a packet pointer */
	bpf_tail_call(data, &policies, skb->mark & 15);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

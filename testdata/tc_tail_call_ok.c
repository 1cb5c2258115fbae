// SPDX-License-Identifier: MIT
/* tc: jump to the policy program selected by the packet mark, fall back to OK. */
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
	bpf_tail_call(skb, &policies, skb->mark & 15);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* tc: push the length of each large packet into a FIFO queue for a user-space sampler. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_QUEUE);
	__uint(max_entries, 1024);
	__type(value, __u32);
} big_pkts SEC(".maps");

SEC("tc")
int sample_big(struct __sk_buff *skb)
{
	__u32 len = skb->len;

	if (len > 1500)
		bpf_map_push_elem(&big_pkts, &len, BPF_EXIST);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

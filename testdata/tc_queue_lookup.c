// SPDX-License-Identifier: MIT
/* tc: looks at the head of a FIFO queue with bpf_map_lookup_elem instead of peek. */
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
	__u32 key = 0, len = skb->len, *head;

	/* BUG: queue maps have no keys (key_size 0); the head is read with bpf_map_peek_elem */
	head = bpf_map_lookup_elem(&big_pkts, &key);
	if (head && *head == len)
		return TC_ACT_OK;
	bpf_map_push_elem(&big_pkts, &len, BPF_EXIST);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

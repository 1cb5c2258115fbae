// SPDX-License-Identifier: MIT
/* Pick up the 4-byte mark that an XDP program left in the packet metadata. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int tc_read_meta(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *meta = (void *)(long)skb->data_meta;
	__u32 *mark = meta;

	if ((void *)(mark + 1) > data)
		return TC_ACT_OK;
	skb->mark = *mark;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

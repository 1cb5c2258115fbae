// SPDX-License-Identifier: MIT
/* Classify into HTB classes 1:10 / 1:20 by packet size; writes skb->tc_classid. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int tc_size_class(struct __sk_buff *skb)
{
	skb->tc_classid = skb->len < 256 ? TC_H_MAKE(1 << 16, 10) : TC_H_MAKE(1 << 16, 20);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

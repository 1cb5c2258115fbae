// SPDX-License-Identifier: MIT
/* Indexes skb->cb[] with a variable slot, which needs arithmetic on the ctx pointer. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int tc_cb_slot(struct __sk_buff *skb)
{
	__u32 slot = skb->hash & 3;

	/* BUG: variable offset into the context pointer */
	skb->cb[slot] = skb->len;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

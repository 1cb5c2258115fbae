// SPDX-License-Identifier: MIT
/* tc classifier with legacy BPF_ABS loads: mark ARP packets. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>

unsigned long long load_half(void *skb, unsigned long long off) asm("llvm.bpf.load.half");

SEC("tc")
int mark_arp(struct __sk_buff *skb)
{
	if (load_half(skb, 12) == ETH_P_ARP)
		skb->mark = 0x806;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Loop egress ARP back into the ingress path of the same device. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("tc")
int tc_arp_loop(struct __sk_buff *skb)
{
	if (skb->protocol != bpf_htons(ETH_P_ARP))
		return TC_ACT_OK;
	return bpf_redirect(skb->ifindex, BPF_F_INGRESS);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Change the IPv4 TOS byte via direct packet access and patch the checksum with csum_diff. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define NEW_TOS 0x10

SEC("tc")
int tc_set_tos(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	__be32 old_word, new_word;
	__s64 csum;

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	old_word = *(__be32 *)iph;
	iph->tos = NEW_TOS;
	new_word = *(__be32 *)iph;
	csum = bpf_csum_diff(&old_word, sizeof(old_word), &new_word, sizeof(new_word), 0);
	if (csum < 0)
		return TC_ACT_SHOT;
	bpf_l3_csum_replace(skb, ETH_HLEN + __builtin_offsetof(struct iphdr, check), 0, csum, 0);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

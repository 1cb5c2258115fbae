// SPDX-License-Identifier: MIT
/*
 * Rewrite the IPv4 destination of UDP packets (static DNAT) with
 * bpf_skb_store_bytes and fix both checksums with bpf_l3/l4_csum_replace.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define IP_OFF ETH_HLEN
#define DADDR_OFF (IP_OFF + __builtin_offsetof(struct iphdr, daddr))
#define IPCSUM_OFF (IP_OFF + __builtin_offsetof(struct iphdr, check))
#define UDPCSUM_OFF (IP_OFF + sizeof(struct iphdr) + __builtin_offsetof(struct udphdr, check))

const volatile __be32 old_ip = 0x0100000a; /* 10.0.0.1, network order */
const volatile __be32 new_ip = 0x0200000a; /* 10.0.0.2 */

SEC("tc")
int tc_dnat(struct __sk_buff *skb)
{
	struct iphdr iph;
	__be32 to = new_ip;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	if (bpf_skb_load_bytes(skb, IP_OFF, &iph, sizeof(iph)) < 0)
		return TC_ACT_OK;
	if (iph.protocol != IPPROTO_UDP || iph.ihl != 5 || iph.daddr != old_ip)
		return TC_ACT_OK;
	bpf_l4_csum_replace(skb, UDPCSUM_OFF, iph.daddr, to, BPF_F_PSEUDO_HDR | sizeof(to));
	bpf_l3_csum_replace(skb, IPCSUM_OFF, iph.daddr, to, sizeof(to));
	bpf_skb_store_bytes(skb, DADDR_OFF, &to, sizeof(to), 0);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

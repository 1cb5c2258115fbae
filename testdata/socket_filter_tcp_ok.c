// SPDX-License-Identifier: MIT
/* Socket filter that keeps only IPv4 TCP packets, reading headers with bpf_skb_load_bytes. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("socket")
int sock_tcp_only(struct __sk_buff *skb)
{
	struct ethhdr eth;
	__u8 proto;

	if (bpf_skb_load_bytes(skb, 0, &eth, sizeof(eth)) < 0)
		return 0;
	if (eth.h_proto != bpf_htons(ETH_P_IP))
		return 0;
	if (bpf_skb_load_bytes(skb, ETH_HLEN + __builtin_offsetof(struct iphdr, protocol), &proto,
			       1) < 0)
		return 0;
	return proto == IPPROTO_TCP ? skb->len : 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* flow_dissector that copies IPv6 addresses into the flow keys one word too far. */
#include <linux/bpf.h>
#include <linux/ipv6.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("flow_dissector")
int dissect(struct __sk_buff *skb)
{
	struct bpf_flow_keys *keys = skb->flow_keys;
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ipv6hdr *ip6 = data;
	__u32 *dst = keys->ipv6_dst;

	if ((void *)(ip6 + 1) > data_end)
		return BPF_DROP;
	keys->addr_proto = ETH_P_IPV6;
	keys->ip_proto = ip6->nexthdr;
	keys->thoff = sizeof(*ip6);
	dst[0] = ip6->daddr.in6_u.u6_addr32[0];
	dst[1] = ip6->daddr.in6_u.u6_addr32[1];
	dst[2] = ip6->daddr.in6_u.u6_addr32[2];
	dst[3] = ip6->daddr.in6_u.u6_addr32[3];
	/* BUG: ipv6_dst has 4 words; dst[8] lies past the end of struct bpf_flow_keys */
	dst[8] = 0;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

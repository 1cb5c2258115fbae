// SPDX-License-Identifier: MIT
/*
 * Find the UDP header of an IPv6 packet behind at most four extension headers
 * and drop UDP to port 4789. The extension header check tests the start of the
 * header against data_end instead of its end.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ipv6.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "pkt.h"

#define MAX_EXT_HDRS 4

SEC("xdp")
int xdp_v6_udp(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct ipv6hdr *ip6;
	struct udphdr *udp;
	void *cur;
	__u8 nexthdr;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IPV6))
		return XDP_PASS;
	ip6 = (void *)(eth + 1);
	if ((void *)(ip6 + 1) > data_end)
		return XDP_PASS;
	nexthdr = ip6->nexthdr;
	cur = ip6 + 1;
	for (int i = 0; i < MAX_EXT_HDRS; i++) {
		struct ipv6_ext_hdr *eh = cur;

		if (nexthdr != IPPROTO_HOPOPTS && nexthdr != IPPROTO_ROUTING &&
		    nexthdr != IPPROTO_DSTOPTS)
			break;
		/* BUG: forgot the +1: the 2-byte header itself is not checked */
		if ((void *)eh > data_end)
			return XDP_PASS;
		nexthdr = eh->nexthdr;
		cur += (eh->hdrlen + 1) * 8;
	}
	if (nexthdr != IPPROTO_UDP)
		return XDP_PASS;
	udp = cur;
	if ((void *)(udp + 1) > data_end)
		return XDP_PASS;
	if (udp->dest == bpf_htons(4789))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

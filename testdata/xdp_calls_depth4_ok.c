// SPDX-License-Identifier: MIT
/* Ethernet -> IPv4 -> UDP parsing split over three nested static subprograms (4 frames). */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

static __noinline int parse_udp(struct udphdr *udp, void *data_end)
{
	if ((void *)(udp + 1) > data_end)
		return XDP_DROP;
	return udp->dest == bpf_htons(9) ? XDP_DROP : XDP_PASS;
}

static __noinline int parse_ip(struct iphdr *iph, void *data_end)
{
	if ((void *)(iph + 1) > data_end)
		return XDP_DROP;
	if (iph->protocol != IPPROTO_UDP || iph->ihl != 5)
		return XDP_PASS;
	return parse_udp((void *)(iph + 1), data_end);
}

static __noinline int parse_eth(struct ethhdr *eth, void *data_end)
{
	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	return parse_ip((void *)(eth + 1), data_end);
}

SEC("xdp")
int xdp_discard(struct xdp_md *ctx)
{
	return parse_eth((void *)(long)ctx->data, (void *)(long)ctx->data_end);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/*
 * Parse Ethernet + IPv4 in a static __noinline subprogram (a bpf-to-bpf call that
 * libbpf appends to the caller) and return the IP protocol or -1.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

static __noinline int ip_proto(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return -1;
	return iph->protocol;
}

SEC("xdp")
int xdp_icmp_drop(struct xdp_md *ctx)
{
	return ip_proto(ctx) == IPPROTO_ICMP ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

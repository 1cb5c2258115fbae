// SPDX-License-Identifier: MIT
/*
 * Passes the Ethernet header pointer to a global function that reads it; the
 * caller never checked that the 14 bytes are inside the packet.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

__noinline int is_ipv4(struct ethhdr *eth)
{
	if (!eth)
		return 0;
	return eth->h_proto == bpf_htons(ETH_P_IP);
}

SEC("xdp")
int xdp_v4_only(struct xdp_md *ctx)
{
	struct ethhdr *eth = (void *)(long)ctx->data;

	/* BUG: 14-byte argument not checked against data_end */
	return is_ipv4(eth) ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

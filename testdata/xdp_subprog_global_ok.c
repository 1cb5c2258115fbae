// SPDX-License-Identifier: MIT
/*
 * Global (non-static) __noinline function: the kernel verifies it once on its
 * own, from its BTF signature, instead of per call site.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

__noinline int is_arp(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;

	if ((void *)(eth + 1) > data_end)
		return 0;
	return eth->h_proto == bpf_htons(ETH_P_ARP);
}

SEC("xdp")
int xdp_arp_only(struct xdp_md *ctx)
{
	return is_arp(ctx) ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

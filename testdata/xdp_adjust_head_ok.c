// SPDX-License-Identifier: MIT
/*
 * Decapsulate: remove an outer 4-byte tag placed in front of the Ethernet header
 * with bpf_xdp_adjust_head, then reload data/data_end before touching the packet.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define OUTER_TAG 4

SEC("xdp")
int xdp_pop_tag(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth;

	if (data + OUTER_TAG + sizeof(*eth) > data_end)
		return XDP_PASS;
	if (bpf_xdp_adjust_head(ctx, OUTER_TAG))
		return XDP_DROP;
	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	eth = data;
	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;
	return eth->h_proto == bpf_htons(ETH_P_IP) ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Swap the Ethernet addresses and bounce the frame; the length check covers only the addresses. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("xdp")
int xdp_bounce(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	unsigned char tmp[ETH_ALEN];

	if (data + 2 * ETH_ALEN > data_end)
		return XDP_DROP;
	__builtin_memcpy(tmp, eth->h_dest, ETH_ALEN);
	__builtin_memcpy(eth->h_dest, eth->h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, tmp, ETH_ALEN);
	/* BUG: h_proto (bytes 12-13) is past the 12 checked bytes */
	if (eth->h_proto == bpf_htons(ETH_P_ARP))
		return XDP_PASS;
	return XDP_TX;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

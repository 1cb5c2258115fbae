// SPDX-License-Identifier: MIT
/* Same filter as xdp_parse_ipv4_ok, but the IP header check is one byte short. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define BLOCKED_DADDR 0x0a000001 /* 10.0.0.1 */

SEC("xdp")
int xdp_block_dst(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph;

	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = (void *)(eth + 1);
	/* BUG: checks 19 bytes, daddr ends at byte 20 */
	if ((void *)iph + sizeof(*iph) - 1 > data_end)
		return XDP_DROP;
	if (iph->daddr == bpf_htonl(BLOCKED_DADDR))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

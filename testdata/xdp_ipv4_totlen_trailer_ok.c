// SPDX-License-Identifier: MIT
/*
 * Read the first byte after the IP datagram (a trailer) using tot_len. The
 * length is capped at the MTU first, then the byte is checked against data_end.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define MTU 1500

SEC("xdp")
int xdp_trailer(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph;
	__u8 *trailer;
	__u16 tot;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end)
		return XDP_PASS;
	tot = bpf_ntohs(iph->tot_len);
	if (tot > MTU)
		return XDP_DROP;
	trailer = (__u8 *)iph + tot;
	if ((void *)(trailer + 1) > data_end)
		return XDP_PASS;
	if (*trailer == 0xff)
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

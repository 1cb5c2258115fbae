// SPDX-License-Identifier: MIT
/*
 * Read the first byte after the IP datagram using tot_len, with a data_end
 * check. Memory-safe in C terms, yet the kernel rejects it: the variable offset
 * can reach 0xffff, so pointer + offset may pass MAX_PACKET_OFF and the kernel
 * learns no range from the comparison. The _ok variant caps tot_len first.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("xdp")
int xdp_trailer(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph;
	__u8 *trailer;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end)
		return XDP_PASS;
	trailer = (__u8 *)iph + bpf_ntohs(iph->tot_len);
	/* BUG: offset umax 0xffff + 14 exceeds MAX_PACKET_OFF, check is ignored */
	if ((void *)(trailer + 1) > data_end)
		return XDP_PASS;
	if (*trailer == 0xff)
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

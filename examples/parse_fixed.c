// SPDX-License-Identifier: MIT
/*
 * XDP filter: drop UDP packets whose payload starts with the 4-byte magic
 * "BPF!". The bounds check covers all four bytes of the magic.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("xdp")
int drop_magic(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph;
	struct udphdr *udp;
	unsigned char *payload;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end || iph->ihl != 5 || iph->protocol != IPPROTO_UDP)
		return XDP_PASS;
	udp = (void *)(iph + 1);
	if ((void *)(udp + 1) > data_end)
		return XDP_PASS;
	payload = (unsigned char *)(udp + 1);
	if ((void *)(payload + 4) > data_end) /* the magic is payload[0] .. payload[3] */
		return XDP_PASS;
	if (payload[0] == 'B' && payload[1] == 'P' && payload[2] == 'F' && payload[3] == '!')
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

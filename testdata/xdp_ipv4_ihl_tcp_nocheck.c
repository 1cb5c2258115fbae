// SPDX-License-Identifier: MIT
/*
 * Drop TCP SYNs to port 22. The bounds check is done for a TCP header right
 * after a 20-byte IP header, but the access uses the ihl-based offset.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("xdp")
int xdp_ssh_syn(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph;
	struct tcphdr *tcp;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) + sizeof(*tcp) > data_end || iph->protocol != IPPROTO_TCP)
		return XDP_PASS;
	tcp = (void *)iph + iph->ihl * 4;
	/* BUG: offset ihl*4 may exceed the 20 bytes checked */
	if (tcp->dest == bpf_htons(22))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

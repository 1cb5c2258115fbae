// SPDX-License-Identifier: MIT
/*
 * Drop TCP SYNs to port 22. The TCP header starts ihl * 4 bytes after the IP
 * header, a variable offset; the check after adding it makes the access safe.
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
	__u32 ihl;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end || iph->protocol != IPPROTO_TCP)
		return XDP_PASS;
	ihl = iph->ihl * 4;
	if (ihl < sizeof(*iph))
		return XDP_DROP;
	tcp = (void *)iph + ihl;
	if ((void *)(tcp + 1) > data_end)
		return XDP_PASS;
	if (tcp->dest == bpf_htons(22) && tcp->syn && !tcp->ack)
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

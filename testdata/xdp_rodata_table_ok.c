// SPDX-License-Identifier: MIT
/* Map the IP precedence bits of the TOS byte to an action via a const table in .rodata. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

static const __u32 prec_action[8] = {
	XDP_PASS, XDP_PASS, XDP_PASS, XDP_PASS, XDP_PASS, XDP_PASS, XDP_DROP, XDP_DROP,
};

const volatile __u32 enabled = 1;

SEC("xdp")
int xdp_prec(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	__u32 prec;

	if (!enabled)
		return XDP_PASS;
	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	prec = iph->tos >> 5;
	return prec_action[prec];
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

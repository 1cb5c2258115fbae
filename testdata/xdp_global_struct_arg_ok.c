// SPDX-License-Identifier: MIT
/* A global function fills a flow summary through a pointer-to-struct argument it checks for NULL. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct flow_sum {
	__u32 saddr;
	__u32 daddr;
	__u8 proto;
	__u8 ttl;
	__u16 pad;
};

__noinline int fill_sum(struct flow_sum *s, __u32 saddr, __u32 daddr, __u32 proto_ttl)
{
	if (!s)
		return -1;
	s->saddr = saddr;
	s->daddr = daddr;
	s->proto = proto_ttl >> 8;
	s->ttl = proto_ttl & 0xff;
	return 0;
}

__u32 last_saddr;

SEC("xdp")
int summarize(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	struct flow_sum s = {};

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	if (fill_sum(&s, iph->saddr, iph->daddr, (iph->protocol << 8) | iph->ttl))
		return XDP_PASS;
	last_saddr = s.saddr;
	return s.ttl ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

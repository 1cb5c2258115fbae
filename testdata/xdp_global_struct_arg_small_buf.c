// SPDX-License-Identifier: MIT
/* The caller passes a 4-byte stack slot to a global function that fills a 12-byte struct. */
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
	__u32 saddr = 0;

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	/* BUG: fill_sum writes a 12-byte struct flow_sum; only 4 bytes are passed */
	fill_sum((struct flow_sum *)&saddr, iph->saddr, iph->daddr, iph->protocol << 8);
	last_saddr = saddr;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

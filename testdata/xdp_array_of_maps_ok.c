// SPDX-License-Identifier: MIT
/* Per-queue allow lists: an array of hash maps, indexed by RX queue (both lookups checked). */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct allow_map {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u8);
} allow0 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 4);
	__type(key, __u32);
	__array(values, struct allow_map);
} per_queue SEC(".maps") = {
	.values = { &allow0 },
};

SEC("xdp")
int xdp_allow(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	__u32 q = ctx->rx_queue_index;
	__u32 src;
	void *inner;

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	inner = bpf_map_lookup_elem(&per_queue, &q);
	if (!inner)
		return XDP_PASS;
	src = iph->saddr;
	return bpf_map_lookup_elem(inner, &src) ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

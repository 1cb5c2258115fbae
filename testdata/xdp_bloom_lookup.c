// SPDX-License-Identifier: MIT
/* XDP: queries a bloom filter with bpf_map_lookup_elem instead of bpf_map_peek_elem. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_BLOOM_FILTER);
	__uint(max_entries, 4096);
	__type(value, __u32);
	__uint(map_extra, 3);
} seen_filter SEC(".maps");

SEC("xdp")
int bloom_block(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	__u32 saddr;

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	saddr = iph->saddr;
	/* BUG: bloom filters have no keys (key_size 0); they are queried with bpf_map_peek_elem */
	if (bpf_map_lookup_elem(&seen_filter, &saddr))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Per-DSCP packet counters in a 64-entry map value; the index is checked with >= N. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define NDSCP 64

struct dscp_stats {
	__u64 count[NDSCP];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct dscp_stats);
} stats SEC(".maps");

SEC("xdp")
int xdp_dscp(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	struct dscp_stats *s;
	__u32 zero = 0, dscp;

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	s = bpf_map_lookup_elem(&stats, &zero);
	if (!s)
		return XDP_PASS;
	dscp = iph->tos >> 2;
	if (dscp >= NDSCP)
		return XDP_PASS;
	__sync_fetch_and_add(&s->count[dscp], 1);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Block list of IPv4 sources with an expiry time; expired entries are deleted on sight. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, __u64); /* expiry, ktime ns */
} blocked SEC(".maps");

SEC("xdp")
int xdp_blocklist(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	__u64 *until;
	__u32 src;

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	src = iph->saddr;
	until = bpf_map_lookup_elem(&blocked, &src);
	if (!until)
		return XDP_PASS;
	if (*until > bpf_ktime_get_ns())
		return XDP_DROP;
	bpf_map_delete_elem(&blocked, &src);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

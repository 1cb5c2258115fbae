// SPDX-License-Identifier: MIT
/* Histogram of the IPv4 TTL in a 256-byte map value; the index is bounded with & 0xff. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct ttl_hist {
	__u32 count[256];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ttl_hist);
} hist SEC(".maps");

SEC("xdp")
int xdp_ttl_hist(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	struct ttl_hist *h;
	__u32 zero = 0, idx;

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	h = bpf_map_lookup_elem(&hist, &zero);
	if (!h)
		return XDP_PASS;
	idx = iph->ttl & 0xff;
	h->count[idx]++;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

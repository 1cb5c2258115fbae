// SPDX-License-Identifier: MIT
/* XDP: track the last-seen time of IPv4 flows (5-tuple key) in an LRU hash. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct flow_key {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u32 proto;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct flow_key);
	__type(value, __u64);
} flows SEC(".maps");

SEC("xdp")
int track_flows(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	struct udphdr *l4 = (void *)(iph + 1);
	struct flow_key k = {};
	__u64 now;

	if ((void *)(l4 + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || iph->ihl != 5)
		return XDP_PASS;
	if (iph->protocol != IPPROTO_UDP && iph->protocol != IPPROTO_TCP)
		return XDP_PASS;
	k.saddr = iph->saddr;
	k.daddr = iph->daddr;
	k.sport = l4->source;
	k.dport = l4->dest;
	k.proto = iph->protocol;
	now = bpf_ktime_get_ns();
	bpf_map_update_elem(&flows, &k, &now, BPF_ANY);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

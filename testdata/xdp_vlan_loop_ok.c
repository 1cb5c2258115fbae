// SPDX-License-Identifier: MIT
/* Strip-count VLAN tags in a bounded loop (at most 3) and count them in a per-CPU array. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "pkt.h"

#define MAX_TAGS 3

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, MAX_TAGS + 1);
	__type(key, __u32);
	__type(value, __u64);
} tag_hist SEC(".maps");

SEC("xdp")
int xdp_vlan_count(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct vlan_hdr *vh;
	__u16 proto;
	__u32 tags = 0;
	__u64 *cnt;

	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;
	proto = eth->h_proto;
	vh = (void *)(eth + 1);
#pragma clang loop unroll(disable)
	for (int i = 0; i < MAX_TAGS; i++) {
		if (proto != bpf_htons(ETH_P_8021Q) && proto != bpf_htons(ETH_P_8021AD))
			break;
		if ((void *)(vh + 1) > data_end)
			return XDP_DROP;
		proto = vh->h_vlan_encapsulated_proto;
		vh++;
		tags++;
	}
	cnt = bpf_map_lookup_elem(&tag_hist, &tags);
	if (cnt)
		*cnt += 1;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

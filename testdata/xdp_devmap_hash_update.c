// SPDX-License-Identifier: MIT
/* XDP: learns the ingress port of each source MAC byte by updating the devmap from BPF. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u32);
} ports SEC(".maps");

SEC("xdp")
int learn(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	__u32 key, ifindex = ctx->ingress_ifindex;

	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;
	key = eth->h_source[5];
	/* BUG: a devmap cannot be updated from a BPF program */
	bpf_map_update_elem(&ports, &key, &ifindex, BPF_ANY);
	return bpf_redirect_map(&ports, eth->h_dest[5], XDP_PASS);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

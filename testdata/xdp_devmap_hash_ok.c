// SPDX-License-Identifier: MIT
/* XDP: forward packets to the egress device registered for their VLAN-less destination MAC byte. */
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
int fwd(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;

	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;
	return bpf_redirect_map(&ports, eth->h_dest[5], XDP_PASS);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

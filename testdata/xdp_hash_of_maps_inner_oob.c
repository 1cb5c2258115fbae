// SPDX-License-Identifier: MIT
/* XDP: per-tenant counters that store a second counter past the inner map's 8-byte value. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct inner {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} tenant0 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH_OF_MAPS);
	__uint(max_entries, 64);
	__type(key, __u32);
	__array(values, struct inner);
} tenants SEC(".maps") = {
	.values = { [1] = &tenant0 },
};

SEC("xdp")
int tenant_count(struct xdp_md *ctx)
{
	__u32 ifindex = ctx->ingress_ifindex, slot = 0;
	void *inner;
	__u64 *v;

	inner = bpf_map_lookup_elem(&tenants, &ifindex);
	if (!inner)
		return XDP_PASS;
	v = bpf_map_lookup_elem(inner, &slot);
	if (!v)
		return XDP_PASS;
	v[0] += 1;
	/* BUG: the inner map's value is one __u64; v[1] is past its end */
	v[1] += ctx->rx_queue_index;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

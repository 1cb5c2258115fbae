// SPDX-License-Identifier: MIT
/* XDP: per-tenant counters; the outer lookup result is used as a map without a NULL check. */
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
	/* BUG: inner is NULL for an unknown ifindex; it is passed on unchecked */
	v = bpf_map_lookup_elem(inner, &slot);
	if (v)
		__sync_fetch_and_add(v, 1);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

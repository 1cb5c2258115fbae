// SPDX-License-Identifier: MIT
/*
 * A global helper bumps a counter through a pointer argument. Global functions
 * are verified independently, so the pointer may be NULL there.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} pkt_count SEC(".maps");

__noinline int bump(__u64 *counter)
{
	/* BUG: pointer argument of a global function may be NULL */
	*counter += 1;
	return 0;
}

SEC("xdp")
int xdp_count(struct xdp_md *ctx)
{
	__u32 key = 0;
	__u64 *v = bpf_map_lookup_elem(&pkt_count, &key);

	if (v)
		bump(v);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

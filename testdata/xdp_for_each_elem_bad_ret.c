// SPDX-License-Identifier: MIT
/* XDP: sums per-port counters with bpf_for_each_map_elem; the callback returns the value itself. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} port_pkts SEC(".maps");

static long add_one(void *map, __u32 *key, __u64 *val, __u64 *total)
{
	*total += *val;
	/* BUG: a for_each_map_elem callback must return 0 (continue) or 1 (stop) */
	return *val;
}

SEC("xdp")
int over_budget(struct xdp_md *ctx)
{
	__u64 total = 0;

	bpf_for_each_map_elem(&port_pkts, add_one, &total, 0);
	return total > 1000000 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

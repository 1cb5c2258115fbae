// SPDX-License-Identifier: MIT
/* XDP: resets per-port counters with bpf_for_each_map_elem and also rewrites the key. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} port_pkts SEC(".maps");

static long reset_one(void *map, __u32 *key, __u64 *val, void *unused)
{
	*val = 0;
	/* BUG: the key passed to the callback is read-only */
	*key = 0;
	return 0;
}

SEC("xdp")
int reset(struct xdp_md *ctx)
{
	bpf_for_each_map_elem(&port_pkts, reset_one, 0, 0);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

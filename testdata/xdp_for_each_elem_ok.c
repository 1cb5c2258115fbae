// SPDX-License-Identifier: MIT
/* XDP: sum all per-port counters of an array with bpf_for_each_map_elem, stop early past a cap. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} port_pkts SEC(".maps");

struct sum_ctx {
	__u64 total;
	__u64 cap;
};

static long add_one(void *map, __u32 *key, __u64 *val, struct sum_ctx *s)
{
	s->total += *val;
	return s->total > s->cap ? 1 : 0;
}

SEC("xdp")
int over_budget(struct xdp_md *ctx)
{
	struct sum_ctx s = { .total = 0, .cap = 1000000 };

	bpf_for_each_map_elem(&port_pkts, add_one, &s, 0);
	return s.total > s.cap ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Sum a 64-entry configuration array with bpf_loop and a callback. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define SLOTS 64

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SLOTS);
	__type(key, __u32);
	__type(value, __u64);
} cfg SEC(".maps");

struct sum_ctx {
	__u64 total;
};

static long add_slot(__u32 idx, void *data)
{
	struct sum_ctx *c = data;
	__u64 *v = bpf_map_lookup_elem(&cfg, &idx);

	if (!v)
		return 1; /* stop */
	c->total += *v;
	return 0;
}

SEC("xdp")
int xdp_cfg_sum(struct xdp_md *ctx)
{
	struct sum_ctx c = { .total = 0 };

	bpf_loop(SLOTS, add_slot, &c, 0);
	return c.total > 100 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

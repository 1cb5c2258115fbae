// SPDX-License-Identifier: MIT
/* bpf_loop callback that returns a count instead of 0 (continue) or 1 (stop). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct sum_ctx {
	__u64 total;
};

static long add_idx(__u32 idx, void *data)
{
	struct sum_ctx *c = data;

	c->total += idx;
	/* BUG: bpf_loop callbacks must return 0 or 1 */
	return 2;
}

SEC("xdp")
int xdp_tri(struct xdp_md *ctx)
{
	struct sum_ctx c = { .total = 0 };

	bpf_loop(16, add_idx, &c, 0);
	return c.total > 100 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

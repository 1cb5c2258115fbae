// SPDX-License-Identifier: MIT
/* bpf_loop callback that fills a histogram in the caller's stack; the index is not bounded. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define BINS 8

struct hist_ctx {
	__u32 bins[BINS];
};

static long fill(__u32 idx, void *data)
{
	struct hist_ctx *h = data;

	/* BUG: idx runs to 15, bins has 8 entries */
	h->bins[idx] = idx * idx;
	return 0;
}

SEC("xdp")
int xdp_hist(struct xdp_md *ctx)
{
	struct hist_ctx h = {};

	bpf_loop(16, fill, &h, 0);
	return h.bins[3] == 9 ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

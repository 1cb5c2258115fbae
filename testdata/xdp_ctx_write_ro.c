// SPDX-License-Identifier: MIT
/* Tries to steer packets to queue 0 by writing ctx->rx_queue_index, a read-only field. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_steer(struct xdp_md *ctx)
{
	if (ctx->rx_queue_index > 3)
		/* BUG: xdp_md fields are read-only */
		ctx->rx_queue_index = 0;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

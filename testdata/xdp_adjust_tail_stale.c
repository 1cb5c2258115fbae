// SPDX-License-Identifier: MIT
/* Truncate to 64 bytes, then write a marker into the last byte using the old data_end. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define SNAPLEN 64

SEC("xdp")
int xdp_snap_mark(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u8 *p = data;

	if (data + SNAPLEN + 1 > data_end)
		return XDP_PASS;
	if (bpf_xdp_adjust_tail(ctx, -1))
		return XDP_ABORTED;
	/* BUG: p and its checked range are stale after bpf_xdp_adjust_tail */
	p[SNAPLEN] = 0xee;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

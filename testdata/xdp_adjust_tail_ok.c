// SPDX-License-Identifier: MIT
/* Truncate long packets to 128 bytes with bpf_xdp_adjust_tail (e.g. for sampling). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define SNAPLEN 128

SEC("xdp")
int xdp_snap(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	int len = data_end - data;

	if (len <= SNAPLEN)
		return XDP_PASS;
	if (bpf_xdp_adjust_tail(ctx, SNAPLEN - len))
		return XDP_ABORTED;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

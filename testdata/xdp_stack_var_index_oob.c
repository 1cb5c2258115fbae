// SPDX-License-Identifier: MIT
/* Count nibble values of the first payload byte; the stack array has only 8 entries. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_nibbles(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	volatile __u8 seen[8] = {};
	__u8 *p = data;

	if ((void *)(p + 1) > data_end)
		return XDP_PASS;
	/* BUG: index up to 15 in an 8-byte stack array */
	seen[p[0] & 15] = 1;
	return seen[0] ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Count nibble values of the first payload byte in a 16-entry stack array (index & 15). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_nibbles(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u8 seen[16] = {};
	__u8 *p = data;

	if ((void *)(p + 1) > data_end)
		return XDP_PASS;
	seen[p[0] & 15] = 1;
	seen[p[0] >> 4] = 1;
	return seen[0] ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

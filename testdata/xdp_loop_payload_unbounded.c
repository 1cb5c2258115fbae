// SPDX-License-Identifier: MIT
/* Skip leading zero bytes of the packet; the loop is bounded only by data_end. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_skip_zeros(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	__u8 *p = (void *)(long)ctx->data;

	/* BUG: no constant iteration bound */
	while ((void *)(p + 1) <= data_end && *p == 0)
		p++;
	return (void *)p == data_end ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

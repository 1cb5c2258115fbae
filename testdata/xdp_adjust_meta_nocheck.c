// SPDX-License-Identifier: MIT
/* Reserve 4 bytes of metadata and store a mark, without checking meta against data. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_set_meta(struct xdp_md *ctx)
{
	__u32 *mark;

	if (bpf_xdp_adjust_meta(ctx, -(int)sizeof(*mark)))
		return XDP_PASS;
	mark = (void *)(long)ctx->data_meta;
	/* BUG: metadata write without checking data_meta + 4 <= data */
	*mark = 0x2a;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Reserve 4 bytes of metadata in front of the packet and store a mark for tc. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_set_meta(struct xdp_md *ctx)
{
	void *data, *meta;
	__u32 *mark;

	if (bpf_xdp_adjust_meta(ctx, -(int)sizeof(*mark)))
		return XDP_PASS;
	data = (void *)(long)ctx->data;
	meta = (void *)(long)ctx->data_meta;
	mark = meta;
	if ((void *)(mark + 1) > data)
		return XDP_PASS;
	*mark = 0x2a;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

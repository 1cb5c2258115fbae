// SPDX-License-Identifier: MIT
/* Walks a chain of nested encapsulation headers by recursion instead of a bounded loop. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct encap {
	__u8 next;
	__u8 len;
	__u16 pad;
};

static __noinline int walk(struct encap *e, void *data_end, int depth)
{
	int inner;

	if ((void *)(e + 1) > data_end || depth > 4)
		return depth;
	if (e->next == 0)
		return depth;
	/* BUG: BPF-to-BPF calls may not be recursive */
	inner = walk(e + 1, data_end, depth + 1);
	return inner + (e->len & 1);
}

SEC("xdp")
int encap_depth(struct xdp_md *ctx)
{
	return walk((void *)(long)ctx->data, (void *)(long)ctx->data_end, 0) > 3 ? XDP_DROP
										 : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

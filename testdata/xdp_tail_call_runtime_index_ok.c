// SPDX-License-Identifier: MIT
/*
 * Tail call with an index taken straight from the packet. Safe: bpf_tail_call
 * checks the index at run time and simply falls through when it is out of range.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
} stages SEC(".maps");

SEC("xdp")
int xdp_stage(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u8 *p = data;

	if ((void *)(p + 1) > data_end)
		return XDP_PASS;
	bpf_tail_call(ctx, &stages, p[0]);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

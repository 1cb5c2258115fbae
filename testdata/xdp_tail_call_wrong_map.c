// SPDX-License-Identifier: MIT
/* Tail call through a plain array map instead of a BPF_MAP_TYPE_PROG_ARRAY. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} handlers SEC(".maps");

SEC("xdp")
int xdp_dispatch(struct xdp_md *ctx)
{
	__u32 slot = ctx->rx_queue_index & 3;

	/* BUG: bpf_tail_call needs a prog_array map */
	bpf_tail_call(ctx, &handlers, slot);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

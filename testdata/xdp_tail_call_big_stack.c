// SPDX-License-Identifier: MIT
/* XDP dispatcher: a subprogram tail-calls while its caller holds a 300-byte header copy. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} stages SEC(".maps");

static __noinline int dispatch(struct xdp_md *ctx, __u32 stage)
{
	bpf_tail_call(ctx, &stages, stage);
	return XDP_PASS;
}

SEC("xdp")
int entry(struct xdp_md *ctx)
{
	char hdr[300];

	if (bpf_xdp_load_bytes(ctx, 0, hdr, sizeof(hdr)))
		return XDP_PASS;
	if (hdr[12] != 0x08)
		return XDP_PASS;
	/* BUG: tail calls from subprograms need the caller frames to use under 256 bytes of stack */
	return dispatch(ctx, hdr[13] & 3);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

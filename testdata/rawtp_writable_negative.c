// SPDX-License-Identifier: MIT
/* raw_tracepoint.w: writes a marker into the word just before the writable buffer. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("raw_tracepoint.w/bpf_test_finish")
int mark_buf(struct bpf_raw_tracepoint_args *ctx)
{
	__u64 *buf = (__u64 *)ctx->args[0];

	buf[0] = 0;
	/* BUG: the writable tracepoint buffer starts at buf; buf[-1] is before it */
	buf[-1] = 0xdead;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

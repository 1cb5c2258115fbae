// SPDX-License-Identifier: MIT
/* raw_tracepoint.w: clear the first two words of the tracepoint's writable buffer. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("raw_tracepoint.w/bpf_test_finish")
int clear_buf(struct bpf_raw_tracepoint_args *ctx)
{
	__u64 *buf = (__u64 *)ctx->args[0];

	buf[0] = 0;
	buf[1] = 0;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* raw_tracepoint: dumps the argument words of a tracepoint, one past the 12-word limit. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define MAX_ARGS 12

__u64 last_args[MAX_ARGS + 1];

SEC("raw_tracepoint/sys_enter")
int dump_args(struct bpf_raw_tracepoint_args *ctx)
{
	int i;

#pragma unroll
	for (i = 0; i < MAX_ARGS; i++)
		last_args[i] = ctx->args[i];
	/* BUG: a raw tracepoint context has at most 12 argument words */
	last_args[MAX_ARGS] = ctx->args[MAX_ARGS];
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

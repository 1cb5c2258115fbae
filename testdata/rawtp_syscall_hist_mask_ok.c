// SPDX-License-Identifier: MIT
/* Count syscalls in 256 buckets; the index is bounded with a mask instead of a compare. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

__u64 buckets[256];

SEC("raw_tracepoint/sys_enter")
int count_syscalls(struct bpf_raw_tracepoint_args *ctx)
{
	__u32 id = ctx->args[1] & 0xff;

	buckets[id]++;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Count syscalls by number in a global (.bss) array; the number is used as is. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define NR_SYSCALLS 512

__u64 syscall_counts[NR_SYSCALLS];

SEC("raw_tracepoint/sys_enter")
int count_syscalls(struct bpf_raw_tracepoint_args *ctx)
{
	__u64 id = ctx->args[1];

	/* BUG: index not bounded by NR_SYSCALLS */
	__sync_fetch_and_add(&syscall_counts[id], 1);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Count syscalls by number; the bound check is signed, so negative numbers get through. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define NR_SYSCALLS 512

__u64 syscall_counts[NR_SYSCALLS];

SEC("raw_tracepoint/sys_enter")
int count_syscalls(struct bpf_raw_tracepoint_args *ctx)
{
	int id = ctx->args[1];

	/* BUG: signed check; id may be negative (e.g. -1 for restarted calls) */
	if (id < NR_SYSCALLS)
		__sync_fetch_and_add(&syscall_counts[id], 1);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

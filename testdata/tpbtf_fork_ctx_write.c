// SPDX-License-Identifier: MIT
/* tp_btf sched_process_fork: tries to swap the child argument in the context for its parent. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

__u64 forks;

SEC("tp_btf/sched_process_fork")
int on_fork(__u64 *ctx)
{
	struct task_struct *parent = (struct task_struct *)ctx[0];

	forks++;
	if (parent->tgid == 1)
		return 0;
	/* BUG: the tracing context (the argument array) is read-only */
	ctx[1] = ctx[0];
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

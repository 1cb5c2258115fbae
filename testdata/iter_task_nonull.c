// SPDX-License-Identifier: MIT
/* iter/task: writes every task's pid; the final call with task == NULL is not handled. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "kern_types.h"

SEC("iter/task")
int dump_task(struct bpf_iter__task *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct task_struct *task = ctx->task;
	__u32 pid;

	/* BUG: ctx->task is NULL on the last call; it must be checked */
	pid = task->pid;
	bpf_seq_write(seq, &pid, sizeof(pid));
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

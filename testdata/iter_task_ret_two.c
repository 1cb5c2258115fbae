// SPDX-License-Identifier: MIT
/*
 * iter/task: print the pids of the first tasks and stop after a limit. The program
 * means to stop the walk but returns 2; an iterator may only return 0 or 1.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "kern_types.h"

const volatile __u64 max_tasks = 100;

SEC("iter/task")
int dump_task(struct bpf_iter__task *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct task_struct *task = ctx->task;

	if (!task)
		return 0;
	if (ctx->meta->seq_num >= max_tasks)
		/* BUG: an iter program must return 0 or 1 */
		return 2;
	BPF_SEQ_PRINTF(seq, "%d\n", task->pid);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

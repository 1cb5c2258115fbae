// SPDX-License-Identifier: MIT
/* iter/task: write the pid of every task to the seq_file. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "kern_types.h"

SEC("iter/task")
int dump_task(struct bpf_iter__task *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct task_struct *task = ctx->task;
	__u32 pid;

	if (!task)
		return 0;
	pid = task->pid;
	bpf_seq_write(seq, &pid, sizeof(pid));
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/*
 * iter/task: print "pid comm" for every task. The format string is built in a local
 * array, so it lives on the stack. That is allowed: bpf_seq_printf takes its format as
 * read-only memory of the given size and checks the format itself at run time.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "kern_types.h"

SEC("iter/task")
int dump_task(struct bpf_iter__task *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct task_struct *task = ctx->task;
	char fmt[] = "%d %s\n";
	__u64 args[2];

	if (!task)
		return 0;
	args[0] = task->pid;
	args[1] = (__u64)task->comm;
	bpf_seq_printf(seq, fmt, sizeof(fmt), args, sizeof(args));
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/*
 * iter/task: print "pid comm" for every task with a format string built on the stack.
 * The format size passed to bpf_seq_printf is a fixed 16 bytes, larger than the array.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "kern_types.h"

#define FMT_MAX 16

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
	/* BUG: FMT_MAX bytes starting at fmt run past the 8-byte array and the stack frame */
	bpf_seq_printf(seq, fmt, FMT_MAX, args, sizeof(args));
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

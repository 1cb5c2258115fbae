// SPDX-License-Identifier: MIT
/*
 * iter/task_file: list "tgid fd inode" for the open files of every process. Only the
 * task is checked for NULL; the file pointer is NULL on the final call too.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "kern_types.h"

SEC("iter/task_file")
int dump_file(struct bpf_iter__task_file *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct task_struct *task = ctx->task;
	struct file *file = ctx->file;
	unsigned long ino;

	if (!task)
		return 0;
	/* BUG: ctx->file may be NULL and is dereferenced without a check */
	ino = file->f_inode->i_ino;
	BPF_SEQ_PRINTF(seq, "%8d %4u %lu\n", task->tgid, ctx->fd, ino);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* iter/task_file: list "tgid fd inode" for the open files of every process. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "kern_types.h"

SEC("iter/task_file")
int dump_file(struct bpf_iter__task_file *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct task_struct *task = ctx->task;
	struct file *file = ctx->file;

	if (!task || !file)
		return 0;
	BPF_SEQ_PRINTF(seq, "%8d %4u %lu\n", task->tgid, ctx->fd, file->f_inode->i_ino);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

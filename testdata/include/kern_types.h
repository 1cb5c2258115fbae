/* SPDX-License-Identifier: MIT */
/*
 * Minimal declarations of kernel types for the BTF-typed corpus programs
 * (tp_btf, iter). No vmlinux.h is available here: each struct names only the
 * fields the programs read, and preserve_access_index makes libbpf relocate
 * their offsets against the running kernel's BTF (CO-RE).
 */
#ifndef CORPUS_KERN_TYPES_H
#define CORPUS_KERN_TYPES_H

#include <linux/types.h>

struct task_struct {
	int pid;
	int tgid;
	char comm[16];
} __attribute__((preserve_access_index));

struct cgroup {
	int level;
} __attribute__((preserve_access_index));

struct seq_file;

struct bpf_iter_meta {
	struct seq_file *seq;
	__u64 session_id;
	__u64 seq_num;
} __attribute__((preserve_access_index));

struct bpf_iter__task {
	struct bpf_iter_meta *meta;
	struct task_struct *task;
} __attribute__((preserve_access_index));

#endif /* CORPUS_KERN_TYPES_H */

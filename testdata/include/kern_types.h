/* SPDX-License-Identifier: MIT */
/*
 * Minimal declarations of kernel types for the BTF-typed corpus programs
 * (tp_btf, iter, fentry, fexit, fmod_ret, lsm). No vmlinux.h is available
 * here: each struct names only the fields the programs read, and
 * preserve_access_index makes libbpf relocate their offsets against the
 * running kernel's BTF (CO-RE).
 */
#ifndef CORPUS_KERN_TYPES_H
#define CORPUS_KERN_TYPES_H

#include <linux/types.h>

struct task_struct {
	int pid;
	int tgid;
	char comm[16];
	struct task_struct *real_parent;
} __attribute__((preserve_access_index));

struct inode {
	unsigned long i_ino;
} __attribute__((preserve_access_index));

struct file {
	struct inode *f_inode;
	unsigned int f_flags;
} __attribute__((preserve_access_index));

struct filename {
	const char *name;
} __attribute__((preserve_access_index));

struct linux_binprm {
	struct file *file;
	const char *filename;
} __attribute__((preserve_access_index));

struct bpf_map {
	__u32 max_entries;
	__u32 id;
	char name[16];
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

struct bpf_iter__task_file {
	struct bpf_iter_meta *meta;
	struct task_struct *task;
	__u32 fd;
	struct file *file;
} __attribute__((preserve_access_index));

struct bpf_iter__bpf_map {
	struct bpf_iter_meta *meta;
	struct bpf_map *map;
} __attribute__((preserve_access_index));

#endif /* CORPUS_KERN_TYPES_H */

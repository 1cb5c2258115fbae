/* SPDX-License-Identifier: MIT */
/*
 * Declarations of the kernel functions (kfuncs) the corpus programs call:
 * open-coded numeric iterators, RCU read sections, task and cgroup
 * references. libbpf resolves them by name in the kernel's BTF.
 */
#ifndef CORPUS_KFUNCS_H
#define CORPUS_KFUNCS_H

#include <linux/types.h>
#include <bpf/bpf_helpers.h>

struct bpf_iter_num {
	__u64 __opaque[1];
} __attribute__((aligned(8)));

struct task_struct;
struct cgroup;

extern int bpf_iter_num_new(struct bpf_iter_num *it, int start, int end) __ksym;
extern int *bpf_iter_num_next(struct bpf_iter_num *it) __ksym;
extern void bpf_iter_num_destroy(struct bpf_iter_num *it) __ksym;
extern void bpf_rcu_read_lock(void) __ksym;
extern void bpf_rcu_read_unlock(void) __ksym;
extern struct task_struct *bpf_task_from_pid(__s32 pid) __ksym;
extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym;
extern void bpf_task_release(struct task_struct *p) __ksym;
extern struct cgroup *bpf_cgroup_from_id(__u64 cgid) __ksym;
extern void bpf_cgroup_release(struct cgroup *cgrp) __ksym;

#endif /* CORPUS_KFUNCS_H */

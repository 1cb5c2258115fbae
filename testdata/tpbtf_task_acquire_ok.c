// SPDX-License-Identifier: MIT
/* tp_btf sched_switch: take a reference on the next task, read its pid, drop it. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"
#include "kfuncs.h"

__u32 last_pid;

SEC("tp_btf/sched_switch")
int BPF_PROG(hold_next, _Bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct task_struct *t;

	t = bpf_task_acquire(next);
	if (!t)
		return 0;
	last_pid = t->pid;
	bpf_task_release(t);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

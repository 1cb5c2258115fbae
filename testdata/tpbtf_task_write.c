// SPDX-License-Identifier: MIT
/* tp_btf sched_switch: tries to hide a task by overwriting its pid through the BTF pointer. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

const volatile int hidden_pid = 1234;

SEC("tp_btf/sched_switch")
int BPF_PROG(on_switch, _Bool preempt, struct task_struct *prev, struct task_struct *next)
{
	if (next->pid == hidden_pid)
		/* BUG: kernel objects reached through BTF pointers are read-only */
		next->pid = 0;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

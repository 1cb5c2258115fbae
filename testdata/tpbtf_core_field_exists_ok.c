// SPDX-License-Identifier: MIT
/*
 * tp_btf sched_switch: reads a field only when the running kernel has it
 * (bpf_core_field_exists). On this kernel the field is missing: libbpf poisons
 * the load, but the guard makes it unreachable, so the kernel accepts.
 */
#include <linux/bpf.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct task_struct {
	int pid;
	int no_such_field_in_any_kernel;
} __attribute__((preserve_access_index));

__u32 seen;

SEC("tp_btf/sched_switch")
int BPF_PROG(on_switch, _Bool preempt, struct task_struct *prev, struct task_struct *next)
{
	if (bpf_core_field_exists(next->no_such_field_in_any_kernel))
		seen = next->no_such_field_in_any_kernel;
	else
		seen = next->pid;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

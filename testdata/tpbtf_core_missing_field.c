// SPDX-License-Identifier: MIT
/*
 * tp_btf sched_switch: reads a task_struct field this kernel does not have.
 * libbpf cannot relocate the load (CO-RE), so it replaces it with a call the
 * kernel refuses when it is reachable.
 */
#include <linux/bpf.h>
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
	/* BUG: the field does not exist in the kernel: the relocation fails */
	seen = next->no_such_field_in_any_kernel;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* tp_btf sched_switch: remember the last pid switched to on each CPU (typed BTF args). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} last_pid SEC(".maps");

SEC("tp_btf/sched_switch")
int BPF_PROG(on_switch, _Bool preempt, struct task_struct *prev, struct task_struct *next)
{
	__u32 key = 0, *v;

	v = bpf_map_lookup_elem(&last_pid, &key);
	if (v)
		*v = next->pid;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/*
 * tp_btf sched_process_fork: remember each new task's parent. Both task pointers are
 * dereferenced without a NULL check: BTF pointer loads are PROBE_MEM loads that the
 * kernel turns into faulting-safe reads, so the verifier accepts them.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, __u32);
} parent_of SEC(".maps");

SEC("tp_btf/sched_process_fork")
int BPF_PROG(on_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 pid = child->pid;
	__u32 ppid = parent->tgid;

	bpf_map_update_elem(&parent_of, &pid, &ppid, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

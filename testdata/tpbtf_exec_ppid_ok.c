// SPDX-License-Identifier: MIT
/*
 * tp_btf sched_process_exec: report every exec with its parent's tgid, found by walking
 * task->real_parent->tgid (two chained BTF pointer loads, no NULL checks needed).
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

struct exec_event {
	__u32 pid;
	__u32 ppid;
	__u32 old_pid;
	__u32 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

SEC("tp_btf/sched_process_exec")
int BPF_PROG(on_exec, struct task_struct *p, int old_pid, struct linux_binprm *bprm)
{
	struct exec_event ev = {};

	ev.pid = p->tgid;
	ev.ppid = p->real_parent->tgid;
	ev.old_pid = old_pid;
	bpf_ringbuf_output(&events, &ev, sizeof(ev), 0);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/*
 * tp_btf sched_process_exec: send the task's comm and the executed file name to user
 * space. Both are copied into the stack with bpf_probe_read_kernel(_str).
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

struct exec_rec {
	__u32 pid;
	__u32 len;
	char comm[16];
	char filename[64];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} execs SEC(".maps");

SEC("tp_btf/sched_process_exec")
int BPF_PROG(on_exec, struct task_struct *p, int old_pid, struct linux_binprm *bprm)
{
	struct exec_rec rec = {};
	long n;

	rec.pid = p->tgid;
	bpf_probe_read_kernel(rec.comm, sizeof(rec.comm), p->comm);
	n = bpf_probe_read_kernel_str(rec.filename, sizeof(rec.filename), bprm->filename);
	if (n < 0)
		return 0;
	rec.len = n;
	bpf_ringbuf_output(&execs, &rec, sizeof(rec), 0);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* tp_btf task_rename: tries to censor a task's new name by blanking the first byte of comm. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

const volatile int watched_tgid = 1;

SEC("tp_btf/task_rename")
int BPF_PROG(on_rename, struct task_struct *task, const char *comm)
{
	if (task->tgid != watched_tgid)
		return 0;
	/* BUG: stores through a BTF pointer to a kernel object are not allowed */
	task->comm[0] = '_';
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

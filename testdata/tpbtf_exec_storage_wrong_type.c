// SPDX-License-Identifier: MIT
/*
 * tp_btf sched_process_exec: count execs per task in task-local storage, but the
 * program passes the linux_binprm argument where the helper needs the task. The kernel
 * log first shows its failed attempt to read a linux_binprm as a task_struct ("cannot
 * access ptr member vma ..."), then "R2 is of type linux_binprm but task_struct is
 * expected".
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} exec_count SEC(".maps");

SEC("tp_btf/sched_process_exec")
int BPF_PROG(on_exec, struct task_struct *p, int old_pid, struct linux_binprm *bprm)
{
	__u64 *cnt;

	/* BUG: bprm is a struct linux_binprm, bpf_task_storage_get needs a task_struct */
	cnt = bpf_task_storage_get(&exec_count, (struct task_struct *)bprm, 0,
				   BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

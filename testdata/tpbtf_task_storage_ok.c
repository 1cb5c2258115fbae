// SPDX-License-Identifier: MIT
/* tp_btf sched_switch: count how often each task is switched in, in task-local storage. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} switch_in SEC(".maps");

SEC("tp_btf/sched_switch")
int BPF_PROG(on_switch, _Bool preempt, struct task_struct *prev, struct task_struct *next)
{
	__u64 *cnt;

	cnt = bpf_task_storage_get(&switch_in, next, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/*
 * tp_btf sched_process_exit: count exits of whole thread groups. The tracepoint has two
 * arguments (task, group_dead); the program reads a third one that does not exist.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

__u64 group_exits;
__u64 last_code;

SEC("tp_btf/sched_process_exit")
int on_exit(__u64 *ctx)
{
	struct task_struct *p = (struct task_struct *)ctx[0];
	_Bool group_dead = ctx[1];

	if (!group_dead || p->pid != p->tgid)
		return 0;
	group_exits++;
	/* BUG: sched_process_exit has only 2 arguments; ctx[2] is past them */
	last_code = ctx[2];
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/*
 * tp_btf sched_wakeup: count, per waker process, how many tasks it wakes up. The waker
 * comes from bpf_get_current_task_btf(), a trusted BTF pointer, read directly.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u64);
} wakeups SEC(".maps");

SEC("tp_btf/sched_wakeup")
int BPF_PROG(on_wakeup, struct task_struct *p)
{
	struct task_struct *cur = bpf_get_current_task_btf();
	__u32 waker = cur->tgid;
	__u64 one = 1, *cnt;

	/* wakeups inside one thread group are not interesting */
	if (waker == p->tgid || cur->real_parent->pid == 0)
		return 0;
	cnt = bpf_map_lookup_elem(&wakeups, &waker);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	else
		bpf_map_update_elem(&wakeups, &waker, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* raw_tracepoint sched_switch: count context switches away from each pid (CO-RE read). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include "kern_types.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} switches SEC(".maps");

SEC("raw_tracepoint/sched_switch")
int count_switch(struct bpf_raw_tracepoint_args *ctx)
{
	struct task_struct *prev = (struct task_struct *)ctx->args[1];
	__u32 pid = BPF_CORE_READ(prev, pid);
	__u64 one = 1, *v;

	v = bpf_map_lookup_elem(&switches, &pid);
	if (v)
		__sync_fetch_and_add(v, 1);
	else
		bpf_map_update_elem(&switches, &pid, &one, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

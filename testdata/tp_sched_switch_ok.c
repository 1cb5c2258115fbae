// SPDX-License-Identifier: MIT
/* Record when each task was switched out, keyed by pid, in a hash map. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "events.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, __u64);
} off_cpu_start SEC(".maps");

SEC("tracepoint/sched/sched_switch")
int on_switch(struct sched_switch_args *ctx)
{
	__u32 prev = ctx->prev_pid;
	__u32 next = ctx->next_pid;
	__u64 now = bpf_ktime_get_ns();

	if (prev)
		bpf_map_update_elem(&off_cpu_start, &prev, &now, BPF_ANY);
	bpf_map_delete_elem(&off_cpu_start, &next);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

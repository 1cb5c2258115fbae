// SPDX-License-Identifier: MIT
/* Send an event per unlinkat call through a perf event array on the current CPU. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "events.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} perf_events SEC(".maps");

SEC("kprobe/do_unlinkat")
int trace_unlink(struct pt_regs *ctx)
{
	struct exec_event e = {};
	__u64 id = bpf_get_current_pid_tgid();

	e.pid = (__u32)id;
	e.tgid = id >> 32;
	e.ts_ns = bpf_ktime_get_ns();
	bpf_get_current_comm(e.comm, sizeof(e.comm));
	bpf_perf_event_output(ctx, &perf_events, BPF_F_CURRENT_CPU, &e, sizeof(e));
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

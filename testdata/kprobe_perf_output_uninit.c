// SPDX-License-Identifier: MIT
/* Send an event per unlinkat call; the comm field of the record is never filled in. */
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
	struct exec_event e;
	__u64 id = bpf_get_current_pid_tgid();

	e.pid = (__u32)id;
	e.tgid = id >> 32;
	e.ts_ns = bpf_ktime_get_ns();
	/* BUG: e.comm is uninitialised stack, copied out to user space */
	bpf_perf_event_output(ctx, &perf_events, BPF_F_CURRENT_CPU, &e, sizeof(e));
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

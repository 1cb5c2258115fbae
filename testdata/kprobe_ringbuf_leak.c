// SPDX-License-Identifier: MIT
/* Report execve of root processes; the early return for other users leaks the reservation. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "events.h"

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

SEC("kprobe/__x64_sys_execve")
int trace_exec(struct pt_regs *ctx)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct exec_event *e;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	if ((__u32)bpf_get_current_uid_gid() != 0)
		/* BUG: returns without bpf_ringbuf_submit/discard: reference leak */
		return 0;
	e->pid = (__u32)id;
	e->tgid = id >> 32;
	e->ts_ns = bpf_ktime_get_ns();
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

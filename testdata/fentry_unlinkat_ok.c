// SPDX-License-Identifier: MIT
/* fentry do_unlinkat: log the pid and the path name of every unlink to a ring buffer. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

struct unlink_event {
	__u32 pid;
	int dfd;
	char path[128];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16384);
} unlinks SEC(".maps");

SEC("fentry/do_unlinkat")
int BPF_PROG(on_unlink, int dfd, struct filename *name)
{
	struct unlink_event *ev;

	ev = bpf_ringbuf_reserve(&unlinks, sizeof(*ev), 0);
	if (!ev)
		return 0;
	ev->pid = bpf_get_current_pid_tgid() >> 32;
	ev->dfd = dfd;
	bpf_probe_read_kernel_str(ev->path, sizeof(ev->path), name->name);
	bpf_ringbuf_submit(ev, 0);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

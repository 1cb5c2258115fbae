// SPDX-License-Identifier: MIT
/* tracepoint openat: reserves an open_event record, then writes a terminator one byte past it. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "events.h"

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_openat")
int on_openat(struct sys_enter_openat_args *ctx)
{
	struct open_event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);

	if (!e)
		return 0;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->flags = ctx->flags;
	bpf_probe_read_user_str(e->fname, sizeof(e->fname), (void *)ctx->filename);
	/* BUG: fname[FNAME_LEN] is one byte past the end of the reserved record */
	e->fname[FNAME_LEN] = 0;
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

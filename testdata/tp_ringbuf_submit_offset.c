// SPDX-License-Identifier: MIT
/* tracepoint openat: fills the record through a cursor and submits the moved cursor. */
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
	char *rec = bpf_ringbuf_reserve(&events, sizeof(struct open_event), 0);
	__u32 *cur;

	if (!rec)
		return 0;
	cur = (__u32 *)rec;
	*cur++ = bpf_get_current_pid_tgid() >> 32;
	*cur++ = ctx->flags;
	bpf_probe_read_user_str(cur, FNAME_LEN, (void *)ctx->filename);
	/* BUG: submit must get the pointer returned by reserve, not one 8 bytes into it */
	bpf_ringbuf_submit(cur, 0);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* tracepoint openat: reserves a ring buffer record sized by the file name length. */
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
	char name[FNAME_LEN];
	long n = bpf_probe_read_user_str(name, sizeof(name), (void *)ctx->filename);
	char *rec;

	if (n <= 0)
		return 0;
	/* BUG: bpf_ringbuf_reserve needs a constant size */
	rec = bpf_ringbuf_reserve(&events, n, 0);
	if (!rec)
		return 0;
	rec[0] = name[0];
	bpf_ringbuf_submit(rec, 0);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

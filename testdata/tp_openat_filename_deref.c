// SPDX-License-Identifier: MIT
/* Filters openat on a leading '/' by dereferencing the user filename pointer directly. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "events.h"

SEC("tracepoint/syscalls/sys_enter_openat")
int on_openat(struct sys_enter_openat_args *ctx)
{
	const char *fname = (const char *)ctx->filename;

	/* BUG: user pointer read without bpf_probe_read_user */
	if (fname[0] == '/')
		bpf_printk("absolute open by %d", (int)bpf_get_current_pid_tgid());
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

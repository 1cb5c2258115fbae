// SPDX-License-Identifier: MIT
/* uprobe (not sleepable) calling bpf_copy_from_user, which may sleep. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} prompts SEC(".maps");

SEC("uprobe//bin/bash:readline")
int on_readline(struct pt_regs *ctx)
{
	const char *prompt = (const char *)PT_REGS_PARM1(ctx);
	char buf[32];

	/* BUG: bpf_copy_from_user may sleep: only sleepable (uprobe.s) programs may call it */
	if (!prompt || bpf_copy_from_user(buf, sizeof(buf), prompt))
		return 0;
	bpf_ringbuf_output(&prompts, buf, sizeof(buf), 0);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

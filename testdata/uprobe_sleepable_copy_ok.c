// SPDX-License-Identifier: MIT
/* uprobe.s (sleepable): copy the first bytes of readline's argument with bpf_copy_from_user. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} prompts SEC(".maps");

SEC("uprobe.s//bin/bash:readline")
int on_readline(struct pt_regs *ctx)
{
	const char *prompt = (const char *)PT_REGS_PARM1(ctx);
	char buf[32];

	if (!prompt || bpf_copy_from_user(buf, sizeof(buf), prompt))
		return 0;
	bpf_ringbuf_output(&prompts, buf, sizeof(buf), 0);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

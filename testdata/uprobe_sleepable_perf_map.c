// SPDX-License-Identifier: MIT
/* uprobe.s (sleepable) writing to a perf event array, a map sleepable programs cannot use. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

/* BUG: sleepable programs can only use array, hash, ring buffer and storage maps */
struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, 4);
	__uint(value_size, 4);
} prompts SEC(".maps");

SEC("uprobe.s//bin/bash:readline")
int on_readline(struct pt_regs *ctx)
{
	const char *prompt = (const char *)PT_REGS_PARM1(ctx);
	char buf[32];

	if (!prompt || bpf_copy_from_user(buf, sizeof(buf), prompt))
		return 0;
	bpf_perf_event_output(ctx, &prompts, BPF_F_CURRENT_CPU, buf, sizeof(buf));
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

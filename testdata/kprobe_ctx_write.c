// SPDX-License-Identifier: MIT
/* Tries to change the return value of a probed function by writing pt_regs->rax. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("kretprobe/security_file_open")
int fake_allow(struct pt_regs *ctx)
{
	if (PT_REGS_RC(ctx) != 0)
		/* BUG: the kprobe context is read-only */
		ctx->rax = 0;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

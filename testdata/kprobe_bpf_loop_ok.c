// SPDX-License-Identifier: MIT
/* kprobe: copy up to 16 argv pointers of execve with bpf_loop and count the non-NULL ones. */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct argv_ctx {
	const char *const *argv;
	__u32 argc;
};

static long count_arg(__u32 i, struct argv_ctx *c)
{
	const char *arg = 0;

	if (bpf_probe_read_user(&arg, sizeof(arg), &c->argv[i]) || !arg)
		return 1;
	c->argc++;
	return 0;
}

__u32 last_argc;

SEC("kprobe/__x64_sys_execve")
int on_exec(struct pt_regs *ctx)
{
	struct pt_regs *regs = (struct pt_regs *)PT_REGS_PARM1(ctx);
	struct argv_ctx c = {};

	if (bpf_probe_read_kernel(&c.argv, sizeof(c.argv), &PT_REGS_PARM2(regs)))
		return 0;
	bpf_loop(16, count_arg, &c, 0);
	last_argc = c.argc;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* raw_tracepoint sys_enter: tries to turn openat into a getpid by rewriting the syscall number. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

const volatile __u32 target_tgid = 1;

SEC("raw_tracepoint/sys_enter")
int neuter_openat(struct bpf_raw_tracepoint_args *ctx)
{
	if ((bpf_get_current_pid_tgid() >> 32) != target_tgid)
		return 0;
	if (ctx->args[1] == 257)
		/* BUG: the raw tracepoint context is read-only */
		ctx->args[1] = 39;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* cgroup/sysctl: tries to turn writes into reads by clearing ctx->write. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("cgroup/sysctl")
int no_writes(struct bpf_sysctl *ctx)
{
	if (ctx->write)
		/* BUG: ctx->write is read-only; only file_pos may be written */
		ctx->write = 0;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

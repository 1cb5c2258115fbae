// SPDX-License-Identifier: MIT
/* cgroup/dev: tries to remap /dev/random to /dev/urandom by rewriting the minor number. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("cgroup/dev")
int dev_remap(struct bpf_cgroup_dev_ctx *ctx)
{
	if (ctx->major == 1 && ctx->minor == 8)
		/* BUG: the device context is read-only */
		ctx->minor = 9;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* cgroup/dev: allow read/write on /dev/null, /dev/zero and ptys, deny everything else. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("cgroup/dev")
int dev_allow(struct bpf_cgroup_dev_ctx *ctx)
{
	__u32 type = ctx->access_type & 0xffff;
	__u32 access = ctx->access_type >> 16;

	if (type != BPF_DEVCG_DEV_CHAR)
		return 0;
	if (access & BPF_DEVCG_ACC_MKNOD)
		return 0;
	if (ctx->major == 1 && (ctx->minor == 3 || ctx->minor == 5))
		return 1;
	if (ctx->major == 136 || (ctx->major == 5 && ctx->minor == 2))
		return 1;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

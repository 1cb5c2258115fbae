// SPDX-License-Identifier: MIT
/* cgroup/sysctl: refuse partial writes (non-zero file position) and reads past the start. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("cgroup/sysctl")
int whole_writes(struct bpf_sysctl *ctx)
{
	if (ctx->file_pos != 0)
		return 0;
	ctx->file_pos = 0;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* cgroup/sysctl: force writes of tcp_mem-style knobs to the value "1". */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("cgroup/sysctl")
int force_one(struct bpf_sysctl *ctx)
{
	char val[2] = "1";
	char cur[8] = {};

	if (!ctx->write)
		return 1;
	if (bpf_sysctl_get_new_value(ctx, cur, sizeof(cur)) < 0)
		return 1;
	if (cur[0] == '1')
		return 1;
	bpf_sysctl_set_new_value(ctx, val, 1);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

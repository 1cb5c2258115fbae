// SPDX-License-Identifier: MIT
/* cgroup/sysctl: make every sysctl under net/ipv4/tcp_ read-only for the cgroup. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define PREFIX "tcp_"

SEC("cgroup/sysctl")
int sysctl_ro(struct bpf_sysctl *ctx)
{
	char name[32] = {};
	long n;

	if (!ctx->write)
		return 1;
	n = bpf_sysctl_get_name(ctx, name, sizeof(name), BPF_F_SYSCTL_BASE_NAME);
	if (n < 4)
		return 1;
	if (name[0] == 't' && name[1] == 'c' && name[2] == 'p' && name[3] == '_')
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

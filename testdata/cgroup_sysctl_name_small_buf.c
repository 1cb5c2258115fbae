// SPDX-License-Identifier: MIT
/* cgroup/sysctl: reads the sysctl name into a 16-byte buffer but passes a length of 64. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("cgroup/sysctl")
int sysctl_ro(struct bpf_sysctl *ctx)
{
	char name[16] = {};
	long n;

	if (!ctx->write)
		return 1;
	/* BUG: the buffer has 16 bytes, the helper is told 64 */
	n = bpf_sysctl_get_name(ctx, name, 64, BPF_F_SYSCTL_BASE_NAME);
	if (n >= 4 && name[0] == 't' && name[1] == 'c' && name[2] == 'p')
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

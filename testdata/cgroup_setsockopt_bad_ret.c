// SPDX-License-Identifier: MIT
/* cgroup/setsockopt: refuses SO_DEBUG with -EPERM instead of returning 0. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define SOL_SOCKET 1
#define SO_DEBUG 1
#define EPERM 1

SEC("cgroup/setsockopt")
int deny_debug(struct bpf_sockopt *ctx)
{
	if (ctx->level == SOL_SOCKET && ctx->optname == SO_DEBUG)
		/* BUG: sockopt programs must return 0 (reject) or 1 (continue) */
		return -EPERM;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

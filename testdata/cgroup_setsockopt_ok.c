// SPDX-License-Identifier: MIT
/* cgroup/setsockopt: clamp SO_SNDBUF requests to 1 MiB. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define SOL_SOCKET 1
#define SO_SNDBUF 7

SEC("cgroup/setsockopt")
int set_sndbuf(struct bpf_sockopt *ctx)
{
	int *optval = ctx->optval;

	if (ctx->level != SOL_SOCKET || ctx->optname != SO_SNDBUF)
		return 1;
	if ((void *)(optval + 1) > ctx->optval_end)
		return 1;
	if (*optval > (1 << 20))
		*optval = 1 << 20;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* cgroup/getsockopt: overrides an int option value without checking optval_end. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define SOL_SOCKET 1
#define SO_SNDBUF 7

SEC("cgroup/getsockopt")
int get_sndbuf(struct bpf_sockopt *ctx)
{
	int *optval = ctx->optval;

	if (ctx->level != SOL_SOCKET || ctx->optname != SO_SNDBUF)
		return 1;
	if (ctx->optlen < 4)
		return 1;
	/* BUG: optlen does not bound optval; optval_end is never checked */
	*optval = 65536;
	ctx->retval = 0;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* cgroup/getsockopt: report a fixed TCP congestion control name to the cgroup. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define SOL_TCP 6
#define TCP_CONGESTION 13

SEC("cgroup/getsockopt")
int get_cc(struct bpf_sockopt *ctx)
{
	char *optval = ctx->optval;
	char *optval_end = ctx->optval_end;

	if (ctx->level != SOL_TCP || ctx->optname != TCP_CONGESTION)
		return 1;
	if (optval + 5 > optval_end)
		return 1;
	ctx->retval = 0;
	optval[0] = 'c';
	optval[1] = 'u';
	optval[2] = 'b';
	optval[3] = 'i';
	optval[4] = 'c';
	ctx->optlen = 5;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* connect4 hook that returns the rewritten port instead of the 0/1 verdict. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/connect4")
int cg_redirect(struct bpf_sock_addr *ctx)
{
	if (ctx->user_port == bpf_htons(80)) {
		ctx->user_port = bpf_htons(8080);
		/* BUG: connect4 programs must return 0 or 1 */
		return 8080;
	}
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

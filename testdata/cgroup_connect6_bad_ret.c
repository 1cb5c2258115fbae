// SPDX-License-Identifier: MIT
/* connect6 that signals "redirected" with return value 2. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/connect6")
int cg_connect6(struct bpf_sock_addr *ctx)
{
	if (ctx->user_port == bpf_htons(80)) {
		ctx->user_port = bpf_htons(8080);
		/* BUG: connect6 programs must return 0 or 1 */
		return 2;
	}
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

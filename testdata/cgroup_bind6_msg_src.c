// SPDX-License-Identifier: MIT
/* bind6 hook that reads msg_src_ip6, a field that only sendmsg6 programs may access. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("cgroup/bind6")
int cg_bind6(struct bpf_sock_addr *ctx)
{
	/* BUG: msg_src_ip6 is only valid in sendmsg6 programs */
	if (ctx->msg_src_ip6[3] != 0)
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

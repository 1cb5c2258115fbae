// SPDX-License-Identifier: MIT
/* sendmsg6: pin the source address of UDP traffic to port 5353 to ::1. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/sendmsg6")
int cg_sendmsg6(struct bpf_sock_addr *ctx)
{
	if (ctx->user_port != bpf_htons(5353))
		return 1;
	ctx->msg_src_ip6[0] = 0;
	ctx->msg_src_ip6[1] = 0;
	ctx->msg_src_ip6[2] = 0;
	ctx->msg_src_ip6[3] = bpf_htonl(1);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

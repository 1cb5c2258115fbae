// SPDX-License-Identifier: MIT
/* sendmsg6 that sets the IPv4 source field instead of msg_src_ip6. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/sendmsg6")
int cg_sendmsg6(struct bpf_sock_addr *ctx)
{
	if (ctx->user_port != bpf_htons(53))
		return 1;
	/* BUG: msg_src_ip4 may only be written by sendmsg4 programs */
	ctx->msg_src_ip4 = bpf_htonl(0x7f000001);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* sendmsg4: send UDP DNS queries from a fixed source address and to a local resolver. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/sendmsg4")
int cg_sendmsg4(struct bpf_sock_addr *ctx)
{
	if (ctx->type != 2 /* SOCK_DGRAM */ || ctx->user_port != bpf_htons(53))
		return 1;
	ctx->msg_src_ip4 = bpf_htonl(0x7f000001);
	ctx->user_ip4 = bpf_htonl(0x7f000035);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

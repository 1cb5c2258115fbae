// SPDX-License-Identifier: MIT
/* recvmsg4: undo the sendmsg4 rewrite so replies seem to come from the original resolver. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/recvmsg4")
int cg_recvmsg4(struct bpf_sock_addr *ctx)
{
	if (ctx->user_ip4 == bpf_htonl(0x7f000035) && ctx->user_port == bpf_htons(53))
		ctx->user_ip4 = bpf_htonl(0x08080808);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* recvmsg4 that tries to drop replies from unknown servers by returning 0. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/recvmsg4")
int cg_recvmsg4(struct bpf_sock_addr *ctx)
{
	if (ctx->user_ip4 != bpf_htonl(0x7f000035))
		/* BUG: recvmsg4 programs must return 1 */
		return 0;
	ctx->user_ip4 = bpf_htonl(0x08080808);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

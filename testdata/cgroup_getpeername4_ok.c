// SPDX-License-Identifier: MIT
/* getpeername4: report the service VIP instead of the backend a connection was sent to. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/getpeername4")
int cg_getpeername4(struct bpf_sock_addr *ctx)
{
	if (ctx->user_ip4 == bpf_htonl(0x0a000002)) {
		ctx->user_ip4 = bpf_htonl(0x0a0000fe);
		ctx->user_port = bpf_htons(80);
	}
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

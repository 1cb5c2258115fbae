// SPDX-License-Identifier: MIT
/* connect4: bind outgoing connections to port 443 to a fixed source address first. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct sockaddr_in4 {
	__u16 sin_family;
	__u16 sin_port;
	__u32 sin_addr;
	__u8 zero[8];
};

SEC("cgroup/connect4")
int src_bind(struct bpf_sock_addr *ctx)
{
	struct sockaddr_in4 sa = {};

	if (ctx->user_port != bpf_htons(443))
		return 1;
	sa.sin_family = 2; /* AF_INET */
	sa.sin_addr = bpf_htonl(0x0a000064);
	if (bpf_bind(ctx, (struct sockaddr *)&sa, sizeof(sa)))
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

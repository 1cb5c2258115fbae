// SPDX-License-Identifier: MIT
/* getpeername4 that calls bpf_bind, which only connect programs may use. */
#include <linux/bpf.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/getpeername4")
int cg_getpeername4(struct bpf_sock_addr *ctx)
{
	struct sockaddr_in sa = {};

	sa.sin_family = 2; /* AF_INET */
	sa.sin_addr.s_addr = bpf_htonl(0x0a000001);
	/* BUG: bpf_bind is only available to connect4/connect6 programs */
	bpf_bind(ctx, (struct sockaddr *)&sa, sizeof(sa));
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

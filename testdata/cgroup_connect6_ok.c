// SPDX-License-Identifier: MIT
/* connect6: redirect connections to a service VIP (fd00::1) to a backend (fd00::2). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/connect6")
int cg_connect6(struct bpf_sock_addr *ctx)
{
	if (ctx->user_ip6[0] != bpf_htonl(0xfd000000) || ctx->user_ip6[1] != 0 ||
	    ctx->user_ip6[2] != 0 || ctx->user_ip6[3] != bpf_htonl(1))
		return 1;
	ctx->user_ip6[3] = bpf_htonl(2);
	ctx->user_port = bpf_htons(8443);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* bind4: rewrite binds of port 80 to 8080 so an unprivileged service can listen. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/bind4")
int cg_bind4(struct bpf_sock_addr *ctx)
{
	if (ctx->user_family != 2 /* AF_INET */)
		return 1;
	if (ctx->user_port == bpf_htons(80))
		ctx->user_port = bpf_htons(8080);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Transparent redirect: connect() to 10.0.0.1:80 goes to 127.0.0.1:8080 instead. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/connect4")
int cg_redirect(struct bpf_sock_addr *ctx)
{
	if (ctx->user_ip4 == bpf_htonl(0x0a000001) && ctx->user_port == bpf_htons(80)) {
		ctx->user_ip4 = bpf_htonl(0x7f000001);
		ctx->user_port = bpf_htons(8080);
	}
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

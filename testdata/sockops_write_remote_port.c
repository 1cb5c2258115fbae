// SPDX-License-Identifier: MIT
/* sock_ops: tries to move active connections to another port by writing remote_port. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("sockops")
int sockops_port(struct bpf_sock_ops *skops)
{
	if (skops->op == BPF_SOCK_OPS_TCP_CONNECT_CB && skops->remote_port == bpf_htonl(80 << 16))
		/* BUG: only reply, sk_txhash and a few socket options fields are writable */
		skops->remote_port = bpf_htonl(8080 << 16);
	skops->reply = 0;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* sock_ops: answer the initial receive window and the RTO-min queries for local peers. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("sockops")
int sockops_tune(struct bpf_sock_ops *skops)
{
	int rv = -1;

	if (skops->family != 2 /* AF_INET */ ||
	    (skops->remote_ip4 & bpf_htonl(0xff000000)) != bpf_htonl(0x0a000000)) {
		skops->reply = -1;
		return 1;
	}
	switch (skops->op) {
	case BPF_SOCK_OPS_RWND_INIT:
		rv = 40;
		break;
	case BPF_SOCK_OPS_TIMEOUT_INIT:
		rv = 10;
		break;
	case BPF_SOCK_OPS_NEEDS_ECN:
		rv = 1;
		break;
	}
	skops->reply = rv;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

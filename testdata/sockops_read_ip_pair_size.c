// SPDX-License-Identifier: MIT
/* sock_ops: reads remote and local IPv4 address with one 8-byte load. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("sockops")
int sockops_pair(struct bpf_sock_ops *skops)
{
	__u64 pair;

	if (skops->op != BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB)
		return 1;
	/* BUG: the address fields only allow 4-byte (or narrower) loads */
	pair = *(volatile __u64 *)&skops->remote_ip4;
	if (pair == 0)
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Tries to force every new socket to IPv6 by rewriting bpf_sock->family. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define AF_INET 2
#define AF_INET6 10

SEC("cgroup/sock_create")
int cg_force_v6(struct bpf_sock *sk)
{
	if (sk->family == AF_INET)
		/* BUG: family is read-only; only mark, priority, bound_dev_if are writable */
		sk->family = AF_INET6;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

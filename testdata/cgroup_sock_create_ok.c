// SPDX-License-Identifier: MIT
/* Deny creation of raw sockets in the cgroup; tag other sockets with a mark. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define SOCK_RAW 3

SEC("cgroup/sock_create")
int cg_no_raw(struct bpf_sock *sk)
{
	if (sk->type == SOCK_RAW)
		return 0;
	sk->mark = 0x100;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* post_bind6 that returns an errno-style code instead of the 0/1 verdict. */
#include <linux/bpf.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>

#define EACCES 13

SEC("cgroup/post_bind6")
int cg_post_bind6(struct bpf_sock *sk)
{
	if (sk->protocol == IPPROTO_TCP && sk->src_port < 1024)
		/* BUG: cgroup/sock programs must return 0 or 1 */
		return -EACCES;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

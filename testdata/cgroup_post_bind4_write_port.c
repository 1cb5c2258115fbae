// SPDX-License-Identifier: MIT
/* post_bind4 that tries to move privileged binds to a high port by rewriting src_port. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("cgroup/post_bind4")
int cg_post_bind4(struct bpf_sock *sk)
{
	if (sk->src_port < 1024)
		/* BUG: src_port is read-only in a cgroup/sock program */
		sk->src_port = sk->src_port + 8000;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

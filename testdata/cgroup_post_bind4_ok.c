// SPDX-License-Identifier: MIT
/* post_bind4: refuse binds of privileged ports to addresses other than loopback. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/post_bind4")
int cg_post_bind4(struct bpf_sock *sk)
{
	if (sk->src_port >= 1024)
		return 1;
	if (sk->src_ip4 == bpf_htonl(0x7f000001))
		return 1;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

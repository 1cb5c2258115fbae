// SPDX-License-Identifier: MIT
/* post_bind6: allow binds to the IPv6 wildcard or loopback only for UDP sockets. */
#include <linux/bpf.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup/post_bind6")
int cg_post_bind6(struct bpf_sock *sk)
{
	__u32 a0 = sk->src_ip6[0], a1 = sk->src_ip6[1], a2 = sk->src_ip6[2], a3 = sk->src_ip6[3];

	if (sk->protocol == IPPROTO_UDP)
		return 1;
	if ((a0 | a1 | a2) == 0 && (a3 == 0 || a3 == bpf_htonl(1)))
		return 1;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* cgroup_skb ingress program that tries to steer marked traffic to another device. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define STEER_IFINDEX 3

SEC("cgroup_skb/ingress")
int cg_steer(struct __sk_buff *skb)
{
	if (skb->mark == 0x42)
		/* BUG: bpf_redirect is not available to cgroup_skb programs */
		bpf_redirect(STEER_IFINDEX, 0);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

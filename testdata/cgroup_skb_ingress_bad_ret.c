// SPDX-License-Identifier: MIT
/* cgroup ingress policy that returns -EPERM to deny, as a syscall would; must be 0 or 1. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define EPERM 1

SEC("cgroup_skb/ingress")
int cg_deny_big(struct __sk_buff *skb)
{
	if (skb->len > 9000)
		/* BUG: cgroup_skb ingress programs must return 0 (drop) or 1 (allow) */
		return -EPERM;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

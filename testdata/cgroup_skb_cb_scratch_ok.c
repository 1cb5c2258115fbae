// SPDX-License-Identifier: MIT
/* cgroup_skb ingress: keep a per-packet note in skb->cb and set the priority from the mark. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("cgroup_skb/ingress")
int cg_prio(struct __sk_buff *skb)
{
	skb->cb[0] = skb->len;
	skb->cb[1] = skb->mark;
	if (skb->mark & 0x10)
		skb->priority = 6;
	return skb->cb[0] > 65535 ? 0 : 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* tc: a global function that receives the context tries to shorten skb->len. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

__noinline int clamp_len(struct __sk_buff *skb)
{
	if (skb->len > 9000)
		/* BUG: skb->len is read-only, also inside a global function */
		skb->len = 9000;
	return 0;
}

SEC("tc")
int tc_clamp(struct __sk_buff *skb)
{
	clamp_len(skb);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Socket filter using skb->cb[] (the one writable field) as scratch between two checks. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("socket")
int sock_small_or_marked(struct __sk_buff *skb)
{
	skb->cb[0] = skb->len < 128;
	skb->cb[1] = skb->mark != 0;
	return (skb->cb[0] || skb->cb[1]) ? skb->len : 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Socket filter that tries to tag packets by writing skb->mark (allowed in tc, not here). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("socket")
int sock_tag(struct __sk_buff *skb)
{
	/* BUG: socket filters may write only skb->cb[] */
	skb->mark = 0x77;
	return skb->len;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

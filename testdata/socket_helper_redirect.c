// SPDX-License-Identifier: MIT
/* Socket filter that calls bpf_redirect, a helper only tc and XDP programs may use. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("socket")
int sock_mirror(struct __sk_buff *skb)
{
	/* BUG: helper not available to socket filter programs */
	bpf_redirect(skb->ifindex, 0);
	return skb->len;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* sk_skb stream verdict that tries to trim a message by writing skb->len. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("sk_skb/stream_verdict")
int sk_verdict(struct __sk_buff *skb)
{
	if (skb->len > 1024) {
		skb->tc_index = 1;
		/* BUG: skb->len is read-only; bpf_skb_change_tail trims a message */
		skb->len = 1024;
	}
	return SK_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

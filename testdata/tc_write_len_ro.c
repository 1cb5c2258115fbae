// SPDX-License-Identifier: MIT
/* Tries to clip oversized packets by writing skb->len, which tc may only read. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int tc_clip(struct __sk_buff *skb)
{
	if (skb->len > 1500)
		/* BUG: __sk_buff->len is read-only; use bpf_skb_change_tail */
		skb->len = 1500;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

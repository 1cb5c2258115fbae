// SPDX-License-Identifier: MIT
/* Keep per-packet scratch state in skb->cb[] between two stages of one program. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

static __noinline int stage_classify(struct __sk_buff *skb)
{
	skb->cb[0] = skb->len > 512 ? 1 : 0;
	skb->cb[1] = skb->hash & 0xff;
	return 0;
}

SEC("tc")
int tc_two_stage(struct __sk_buff *skb)
{
	stage_classify(skb);
	if (skb->cb[0] && skb->cb[1] < 16)
		skb->priority = 7;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

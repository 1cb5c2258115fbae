// SPDX-License-Identifier: MIT
/* tc: a global function receives the __sk_buff context and classifies by mark and priority. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

__noinline int classify(struct __sk_buff *skb)
{
	if (skb->mark & 0x1)
		return 1;
	return skb->priority > 6 ? 2 : 0;
}

SEC("tc")
int tc_classify(struct __sk_buff *skb)
{
	int cls = classify(skb);

	skb->tc_classid = 0x10000 | (cls + 1);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

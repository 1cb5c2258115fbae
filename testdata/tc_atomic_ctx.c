// SPDX-License-Identifier: MIT
/* tc: counts passes through the classifier by an atomic add on skb->mark. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int count_passes(struct __sk_buff *skb)
{
	/* BUG: atomic operations are not allowed on the context */
	__sync_fetch_and_add(&skb->mark, 1);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

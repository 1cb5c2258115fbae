// SPDX-License-Identifier: MIT
/* flow_dissector that skips marked packets; skb->mark is not readable here. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("flow_dissector")
int dissect(struct __sk_buff *skb)
{
	struct bpf_flow_keys *keys = skb->flow_keys;

	/* BUG: flow_dissector programs may read only data, data_end and flow_keys */
	if (skb->mark)
		return BPF_DROP;
	keys->thoff = keys->nhoff;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* lwt_seg6local: lower the hop limit in place; the packet is read-only for this type. */
#include <linux/bpf.h>
#include <linux/ipv6.h>
#include <bpf/bpf_helpers.h>

SEC("lwt_seg6local")
int seg6_hoplimit(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ipv6hdr *ip6 = data;

	if ((void *)(ip6 + 1) > data_end)
		return BPF_DROP;
	if (ip6->hop_limit <= 1)
		return BPF_DROP;
	/* BUG: lwt_seg6local programs may not write packet data directly */
	ip6->hop_limit--;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

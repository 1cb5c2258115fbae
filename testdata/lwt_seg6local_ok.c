// SPDX-License-Identifier: MIT
/* lwt_seg6local: pass IPv6 segment-routing packets with a hop limit above 1, drop the rest. */
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
	return ip6->hop_limit > 1 ? BPF_OK : BPF_DROP;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

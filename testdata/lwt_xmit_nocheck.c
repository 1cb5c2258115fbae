// SPDX-License-Identifier: MIT
/* lwt_xmit: reads the IPv4 TTL before checking the packet length. */
#include <linux/bpf.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>

SEC("lwt_xmit")
int lwt_ttl(struct __sk_buff *skb)
{
	struct iphdr *iph = (void *)(long)skb->data;

	if (skb->len < sizeof(*iph))
		return BPF_OK;
	/* BUG: skb->len does not bound the packet pointer; data_end is never checked */
	if (iph->ttl <= 1)
		return BPF_DROP;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* lwt_out: tries to lower the TTL of outgoing packets in place. */
#include <linux/bpf.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>

SEC("lwt_out")
int lwt_ttl(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph = data;

	if ((void *)(iph + 1) > data_end)
		return BPF_OK;
	if (iph->ttl > 64)
		/* BUG: lwt_out packet data is read-only */
		iph->ttl = 64;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* lwt_in: drop IPv4 packets with TTL 1 arriving on a lightweight tunnel route. */
#include <linux/bpf.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>

SEC("lwt_in")
int lwt_ttl(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph = data;

	if ((void *)(iph + 1) > data_end)
		return BPF_OK;
	if (iph->version == 4 && iph->ttl <= 1)
		return BPF_DROP;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

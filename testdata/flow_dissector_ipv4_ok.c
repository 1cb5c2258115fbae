// SPDX-License-Identifier: MIT
/* flow_dissector: dissect a bare IPv4 header and fill the flow keys. */
#include <linux/bpf.h>
#include <linux/ip.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("flow_dissector")
int dissect(struct __sk_buff *skb)
{
	struct bpf_flow_keys *keys = skb->flow_keys;
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph = data + keys->nhoff;

	if (keys->n_proto != bpf_htons(ETH_P_IP))
		return BPF_DROP;
	if (keys->nhoff > 64)
		return BPF_DROP;
	if ((void *)(iph + 1) > data_end)
		return BPF_DROP;
	keys->addr_proto = ETH_P_IP;
	keys->ipv4_src = iph->saddr;
	keys->ipv4_dst = iph->daddr;
	keys->ip_proto = iph->protocol;
	keys->thoff = keys->nhoff + sizeof(*iph);
	return BPF_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

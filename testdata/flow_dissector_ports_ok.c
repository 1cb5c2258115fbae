// SPDX-License-Identifier: MIT
/* flow_dissector: IPv4 + TCP/UDP ports, with the transport offset bounded before use. */
#include <linux/bpf.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/in.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("flow_dissector")
int dissect_ports(struct __sk_buff *skb)
{
	struct bpf_flow_keys *keys = skb->flow_keys;
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph = data;
	struct udphdr *l4;

	if (keys->n_proto != bpf_htons(ETH_P_IP) || keys->nhoff != 0)
		return BPF_DROP;
	if ((void *)(iph + 1) > data_end || iph->ihl != 5)
		return BPF_DROP;
	keys->addr_proto = ETH_P_IP;
	keys->ipv4_src = iph->saddr;
	keys->ipv4_dst = iph->daddr;
	keys->ip_proto = iph->protocol;
	keys->thoff = sizeof(*iph);
	if (iph->protocol != IPPROTO_TCP && iph->protocol != IPPROTO_UDP)
		return BPF_OK;
	l4 = (void *)(iph + 1);
	if ((void *)(l4 + 1) > data_end)
		return BPF_DROP;
	keys->sport = l4->source;
	keys->dport = l4->dest;
	return BPF_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

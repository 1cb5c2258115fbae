// SPDX-License-Identifier: MIT
/* cgroup_skb egress filter: drop IPv4 packets to one port range, with direct packet access. */
#include <linux/bpf.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup_skb/egress")
int cg_udp_filter(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph = data;
	struct udphdr *udp;

	if ((void *)(iph + 1) > data_end)
		return 1;
	if (iph->version != 4 || iph->protocol != IPPROTO_UDP || iph->ihl != 5)
		return 1;
	udp = (void *)(iph + 1);
	if ((void *)(udp + 1) > data_end)
		return 1;
	if (bpf_ntohs(udp->dest) >= 6000 && bpf_ntohs(udp->dest) < 6100)
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

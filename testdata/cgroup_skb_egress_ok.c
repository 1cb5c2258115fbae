// SPDX-License-Identifier: MIT
/* cgroup egress policy: block IPv4 packets to 192.168.0.0/16, allow the rest. */
#include <linux/bpf.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("cgroup_skb/egress")
int cg_block_lan(struct __sk_buff *skb)
{
	struct iphdr iph;

	if (skb->protocol != bpf_htons(0x0800))
		return 1;
	if (bpf_skb_load_bytes(skb, 0, &iph, sizeof(iph)) < 0)
		return 1;
	if ((iph.daddr & bpf_htonl(0xffff0000)) == bpf_htonl(0xc0a80000))
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

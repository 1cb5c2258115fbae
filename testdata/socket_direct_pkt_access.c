// SPDX-License-Identifier: MIT
/* Socket filter written like a tc program: it uses skb->data, which socket filters cannot. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("socket")
int sock_ipv4_only(struct __sk_buff *skb)
{
	/* BUG: no direct packet access for socket filters */
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;

	if ((void *)(eth + 1) > data_end)
		return 0;
	return eth->h_proto == bpf_htons(ETH_P_IP) ? skb->len : 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Socket filter that mixes a 1000-entry global table with a bounded, non-unrolled loop. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define N 1000

__u32 weights[N];

SEC("socket")
int sock_weight(struct __sk_buff *skb)
{
	__u32 acc = skb->len;

#pragma clang loop unroll(disable)
	for (int i = 0; i < N; i++)
		acc = acc * 31 + weights[i];
	return acc & 1 ? skb->len : 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

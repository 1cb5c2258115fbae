// SPDX-License-Identifier: MIT
/* Mixes neighbouring pairs of a 1000-entry table; the last pair reads past the table. */
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
		/* BUG: i + 1 == N reads weights[1000] */
		acc = acc * 31 + (weights[i] ^ weights[i + 1]);
	return acc & 1 ? skb->len : 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

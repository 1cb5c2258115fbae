// SPDX-License-Identifier: MIT
/* sk_skb stream parser: messages carry a 4-byte big-endian length prefix. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("sk_skb/stream_parser")
int sk_parser(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	__u32 *hdr = data;

	if ((void *)(hdr + 1) > data_end)
		return skb->len;
	return bpf_ntohl(*hdr) + 4;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* sk_skb stream parser: the length prefix is read before it is known to be present. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("sk_skb/stream_parser")
int sk_parser(struct __sk_buff *skb)
{
	__u32 *hdr = (void *)(long)skb->data;

	if (skb->len < 4)
		return skb->len;
	/* BUG: skb->len >= 4 does not bound the direct packet pointer; data_end is never checked */
	return bpf_ntohl(*hdr) + 4;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* lwt_in: tries to clear the IPv4 TOS byte with bpf_skb_store_bytes. */
#include <linux/bpf.h>
#include <linux/ip.h>
#include <stddef.h>
#include <bpf/bpf_helpers.h>

SEC("lwt_in")
int lwt_tos(struct __sk_buff *skb)
{
	__u8 tos = 0;

	/* BUG: lwt_in programs may not modify the packet; bpf_skb_store_bytes is not allowed */
	bpf_skb_store_bytes(skb, offsetof(struct iphdr, tos), &tos, 1, BPF_F_RECOMPUTE_CSUM);
	return BPF_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

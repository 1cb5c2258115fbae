// SPDX-License-Identifier: MIT
/* Copy up to 64 payload bytes; the length is a signed int that can go negative. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>

#define SNAP 64

SEC("socket")
int sock_snap(struct __sk_buff *skb)
{
	__u8 buf[SNAP];
	int len = skb->len - ETH_HLEN;

	if (len > SNAP)
		len = SNAP;
	/* BUG: len < 0 for runt packets (signed clamp only) */
	if (bpf_skb_load_bytes(skb, ETH_HLEN, buf, len) < 0)
		return 0;
	return buf[0] == 0x45 ? skb->len : 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

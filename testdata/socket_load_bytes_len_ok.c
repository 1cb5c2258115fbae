// SPDX-License-Identifier: MIT
/*
 * Copy up to 64 payload bytes. The length is brought into [1, 64] with a mask,
 * the idiom the kernel's error message suggests, so no compare can be lost.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>

#define SNAP 64

SEC("socket")
int sock_snap(struct __sk_buff *skb)
{
	__u8 buf[SNAP];
	__u32 len;

	if (skb->len <= ETH_HLEN)
		return 0;
	len = skb->len - ETH_HLEN;
	if (len > SNAP)
		len = SNAP;
	len = ((len - 1) & (SNAP - 1)) + 1;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, buf, len) < 0)
		return 0;
	return buf[0] == 0x45 ? skb->len : 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

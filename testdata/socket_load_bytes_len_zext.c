// SPDX-License-Identifier: MIT
/*
 * Copy up to 64 payload bytes; the 32-bit length is clamped as an unsigned value.
 * Correct C, but clang clamps a zero-extended copy of len and passes the
 * original register to the helper, so the kernel sees an unbounded length.
 * socket_load_bytes_len_ok.c uses a 64-bit length and is accepted.
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
	/* BUG: bound applied to a zero-extended copy, not to the register passed */
	if (bpf_skb_load_bytes(skb, ETH_HLEN, buf, len) < 0)
		return 0;
	return buf[0] == 0x45 ? skb->len : 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

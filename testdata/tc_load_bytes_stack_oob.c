// SPDX-License-Identifier: MIT
/* Copy 20 bytes of IP header into a 16-byte stack buffer with bpf_skb_load_bytes. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

#define IPV4_HDR_LEN 20

SEC("tc")
int tc_no_frags(struct __sk_buff *skb)
{
	__u8 hdr[16];

	/* BUG: 20 bytes into a 16-byte buffer */
	if (bpf_skb_load_bytes(skb, ETH_HLEN, hdr, IPV4_HDR_LEN) < 0)
		return TC_ACT_OK;
	if (hdr[6] & 0x3f)
		return TC_ACT_SHOT;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

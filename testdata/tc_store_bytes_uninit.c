// SPDX-License-Identifier: MIT
/* Overwrite the destination MAC; the new address is only set for one of two cases. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int tc_set_dmac(struct __sk_buff *skb)
{
	unsigned char mac[ETH_ALEN];

	if (skb->ifindex == 1) {
		mac[0] = 0x02;
		mac[1] = 0;
		mac[2] = 0;
		mac[3] = 0;
		mac[4] = 0;
		mac[5] = 1;
	}
	/* BUG: mac is uninitialised when ifindex != 1 */
	bpf_skb_store_bytes(skb, 0, mac, ETH_ALEN, 0);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* lwt_xmit: rewrite the IPv4 TOS byte with bpf_skb_store_bytes and fix the checksum. */
#include <linux/bpf.h>
#include <linux/ip.h>
#include <stddef.h>
#include <bpf/bpf_helpers.h>

SEC("lwt_xmit")
int lwt_tos(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph = data;
	__u16 old, new;

	if ((void *)(iph + 1) > data_end)
		return BPF_OK;
	old = *(__u16 *)iph;
	new = old & ~0xff00;
	bpf_l3_csum_replace(skb, offsetof(struct iphdr, check), old, new, 2);
	bpf_skb_store_bytes(skb, 0, &new, 2, 0);
	return BPF_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* tc: scan the first 64 payload bytes with bpf_loop, loading each byte with skb_load_bytes. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct scan_ctx {
	struct __sk_buff *skb;
	__u32 zeros;
};

static long scan_byte(__u32 i, struct scan_ctx *c)
{
	__u8 b;

	if (bpf_skb_load_bytes(c->skb, i, &b, 1))
		return 1;
	if (b == 0)
		c->zeros++;
	return 0;
}

SEC("tc")
int count_zeros(struct __sk_buff *skb)
{
	struct scan_ctx c = { .skb = skb, .zeros = 0 };

	bpf_loop(64, scan_byte, &c, 0);
	skb->mark = c.zeros;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

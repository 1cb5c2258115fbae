// SPDX-License-Identifier: MIT
/* tc: bpf_loop payload scan whose callback context leaves the byte counter uninitialised. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct scan_ctx {
	__u32 zeros;
	__u32 seen;
	__u64 first_zero;
};

static long scan_byte(__u32 i, struct scan_ctx *c)
{
	c->seen++;
	return 0;
}

SEC("tc")
int count_zeros(struct __sk_buff *skb)
{
	struct scan_ctx c;

	c.zeros = 0;
	/* BUG: c.seen and c.first_zero are never initialised before the callback reads them */
	bpf_loop(64, scan_byte, &c, 0);
	skb->mark = c.seen + c.first_zero;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

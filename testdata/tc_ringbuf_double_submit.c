// SPDX-License-Identifier: MIT
/* Emit a record for large packets; on copy failure it discards and then submits as well. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct pkt_sample {
	__u32 len;
	__u32 ifindex;
	__u8 head[32];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} samples SEC(".maps");

SEC("tc")
int tc_sample(struct __sk_buff *skb)
{
	struct pkt_sample *s;

	if (skb->len < 1000)
		return TC_ACT_OK;
	s = bpf_ringbuf_reserve(&samples, sizeof(*s), 0);
	if (!s)
		return TC_ACT_OK;
	s->len = skb->len;
	s->ifindex = skb->ifindex;
	if (bpf_skb_load_bytes(skb, 0, s->head, sizeof(s->head)) < 0)
		bpf_ringbuf_discard(s, 0);
	/* BUG: after discard the record is released twice */
	bpf_ringbuf_submit(s, 0);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

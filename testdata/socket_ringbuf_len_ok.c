// SPDX-License-Identifier: MIT
/* Socket filter: report the length and protocol of every packet through a ring buffer, keep all. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct pkt_rec {
	__u32 len;
	__u32 proto;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} recs SEC(".maps");

SEC("socket")
int report(struct __sk_buff *skb)
{
	struct pkt_rec *r = bpf_ringbuf_reserve(&recs, sizeof(*r), 0);

	if (r) {
		r->len = skb->len;
		r->proto = skb->protocol;
		bpf_ringbuf_submit(r, BPF_RB_NO_WAKEUP);
	}
	return skb->len;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

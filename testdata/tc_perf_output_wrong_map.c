// SPDX-License-Identifier: MIT
/* tc: sends a packet record with bpf_perf_event_output to a ring buffer map. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct pkt_meta {
	__u32 ifindex;
	__u32 len;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} events SEC(".maps");

SEC("tc")
int dump_pkt(struct __sk_buff *skb)
{
	struct pkt_meta m = { .ifindex = skb->ifindex, .len = skb->len };

	/* BUG: bpf_perf_event_output needs a perf event array; a ring buffer takes ringbuf_output */
	bpf_perf_event_output(skb, &events, BPF_F_CURRENT_CPU, &m, sizeof(m));
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

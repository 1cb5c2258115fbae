// SPDX-License-Identifier: MIT
/* tc: send a small header record plus the first 128 packet bytes to user space (perf buffer). */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct pkt_meta {
	__u32 ifindex;
	__u32 len;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} events SEC(".maps");

SEC("tc")
int dump_pkt(struct __sk_buff *skb)
{
	struct pkt_meta m = { .ifindex = skb->ifindex, .len = skb->len };
	__u64 cap = skb->len < 128 ? skb->len : 128;

	bpf_perf_event_output(skb, &events, (cap << 32) | BPF_F_CURRENT_CPU, &m, sizeof(m));
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Per-CPU byte counters keyed by ifindex in a percpu hash; created on first packet. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct if_stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 128);
	__type(key, __u32);
	__type(value, struct if_stats);
} stats SEC(".maps");

SEC("tc")
int tc_stats(struct __sk_buff *skb)
{
	__u32 ifindex = skb->ifindex;
	struct if_stats *s = bpf_map_lookup_elem(&stats, &ifindex);

	if (!s) {
		struct if_stats init = { .packets = 1, .bytes = skb->len };

		bpf_map_update_elem(&stats, &ifindex, &init, BPF_NOEXIST);
		return TC_ACT_OK;
	}
	s->packets++;
	s->bytes += skb->len;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

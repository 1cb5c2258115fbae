// SPDX-License-Identifier: MIT
/* tc: arm a per-map timer that resets a packet counter every second. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

#define CLOCK_MONOTONIC 1

struct elem {
	__u64 packets;
	struct bpf_timer t;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct elem);
} counters SEC(".maps");

static int reset(void *map, __u32 *key, struct elem *e)
{
	e->packets = 0;
	bpf_timer_start(&e->t, 1000000000, 0);
	return 0;
}

SEC("tc")
int count(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct elem *e = bpf_map_lookup_elem(&counters, &key);

	if (!e)
		return TC_ACT_OK;
	if (e->packets++ == 0) {
		bpf_timer_init(&e->t, &counters, CLOCK_MONOTONIC);
		bpf_timer_set_callback(&e->t, reset);
		bpf_timer_start(&e->t, 1000000000, 0);
	}
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

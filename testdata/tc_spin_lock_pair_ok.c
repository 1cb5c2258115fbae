// SPDX-License-Identifier: MIT
/* tc: moves a byte count between two per-class records, taking one lock at a time. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct class_stat {
	struct bpf_spin_lock lock;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, struct class_stat);
} classes SEC(".maps");

SEC("tc")
int reclass(struct __sk_buff *skb)
{
	__u32 from = skb->mark & 15, to = (skb->mark >> 4) & 15;
	struct class_stat *a, *b;

	a = bpf_map_lookup_elem(&classes, &from);
	b = bpf_map_lookup_elem(&classes, &to);
	if (!a || !b)
		return TC_ACT_OK;
	bpf_spin_lock(&a->lock);
	a->bytes -= skb->len;
	bpf_spin_unlock(&a->lock);
	bpf_spin_lock(&b->lock);
	b->bytes += skb->len;
	bpf_spin_unlock(&b->lock);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

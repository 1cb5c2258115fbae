// SPDX-License-Identifier: MIT
/* tc: per-class byte counter whose early-exit path unlocks a lock it never took. */
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
int account(struct __sk_buff *skb)
{
	__u32 cls = skb->mark & 15;
	struct class_stat *s = bpf_map_lookup_elem(&classes, &cls);

	if (!s)
		return TC_ACT_OK;
	if (skb->len < 64) {
		/* BUG: bpf_spin_unlock without a matching bpf_spin_lock */
		bpf_spin_unlock(&s->lock);
		return TC_ACT_OK;
	}
	bpf_spin_lock(&s->lock);
	s->bytes += skb->len;
	bpf_spin_unlock(&s->lock);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

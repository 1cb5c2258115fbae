// SPDX-License-Identifier: MIT
/* tc: resets a per-class record by zeroing its lock word together with the counter. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct class_stat {
	struct bpf_spin_lock lock;
	__u32 pad;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, struct class_stat);
} classes SEC(".maps");

SEC("tc")
int reset(struct __sk_buff *skb)
{
	__u32 cls = skb->mark & 15;
	struct class_stat *s = bpf_map_lookup_elem(&classes, &cls);

	if (!s)
		return TC_ACT_OK;
	s->bytes = 0;
	/* BUG: the bpf_spin_lock field may not be read or written directly */
	s->lock.val = 0;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* tc: per-CPU per-mark packet counter that also stores a byte count past the 8-byte value. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} mark_pkts SEC(".maps");

SEC("tc")
int count_mark(struct __sk_buff *skb)
{
	__u32 key = skb->mark;
	__u64 init = 0, *v;

	v = bpf_map_lookup_elem(&mark_pkts, &key);
	if (!v) {
		bpf_map_update_elem(&mark_pkts, &key, &init, BPF_NOEXIST);
		return TC_ACT_OK;
	}
	v[0] += 1;
	/* BUG: the value is one __u64; v[1] is past its end */
	v[1] += skb->len;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

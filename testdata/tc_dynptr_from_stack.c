// SPDX-License-Identifier: MIT
/* tc: a local dynptr over a stack buffer: bpf_dynptr_from_mem takes map values only. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64[8]);
} scratch SEC(".maps");

SEC("tc")
int copy_scratch(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u64 first[2] = {};
	__u32 key = 0;
	__u64 *rec;

	rec = bpf_map_lookup_elem(&scratch, &key);
	if (!rec)
		return TC_ACT_OK;
	__u64 stackbuf[8] = {};

	/* BUG: the data must be a map value, not the stack */
	bpf_dynptr_from_mem(stackbuf, sizeof(stackbuf), 0, &ptr);
	bpf_dynptr_read(first, sizeof(first), &ptr, 0, 0);
	skb->mark = (__u32)(first[0] + first[1]);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

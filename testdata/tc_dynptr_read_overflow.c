// SPDX-License-Identifier: MIT
/* tc: reads into a buffer smaller than the length given to bpf_dynptr_read. */
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
	bpf_dynptr_from_mem(rec, sizeof(__u64[8]), 0, &ptr);
	/* BUG: 24 bytes into a 16-byte buffer */
	bpf_dynptr_read(first, 24, &ptr, 0, 0);
	skb->mark = (__u32)(first[0] + first[1]);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

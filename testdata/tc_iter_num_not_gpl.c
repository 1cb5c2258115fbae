// SPDX-License-Identifier: MIT
/* tc: an open-coded iterator in a program whose license is not GPL-compatible. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include "kfuncs.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64[16]);
} table SEC(".maps");

SEC("tc")
int sum_table(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	__u64 *slots, sum = 0;
	__u32 key = 0;
	int *i;

	slots = bpf_map_lookup_elem(&table, &key);
	if (!slots)
		return TC_ACT_OK;
	bpf_iter_num_new(&it, 0, 16);
	while ((i = bpf_iter_num_next(&it))) {
		if (*i >= 0 && *i < 16)
			sum += slots[*i];
	}
	bpf_iter_num_destroy(&it);
	return sum > 1000000 ? TC_ACT_SHOT : TC_ACT_OK;
}

/* BUG: kfuncs need a GPL-compatible license */
char LICENSE[] SEC("license") = "MIT";

// SPDX-License-Identifier: MIT
/* tc: a tail call from inside an RCU read section. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include "kfuncs.h"

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} next_stage SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} packets SEC(".maps");

SEC("tc")
int count_rcu(struct __sk_buff *skb)
{
	__u32 key = 0;
	__u64 *n;

	bpf_rcu_read_lock();
	n = bpf_map_lookup_elem(&packets, &key);
	if (n)
		__sync_fetch_and_add(n, 1);
	/* BUG: tail calls are not allowed inside the RCU read section */
	bpf_tail_call(skb, &next_stage, 0);
	bpf_rcu_read_unlock();
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

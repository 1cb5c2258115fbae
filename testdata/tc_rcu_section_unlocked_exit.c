// SPDX-License-Identifier: MIT
/* tc: count packets inside an RCU read section that one path never leaves. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include "kfuncs.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
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
	if (!n)
		/* BUG: returns inside the RCU read section */
		return TC_ACT_OK;
	__sync_fetch_and_add(n, 1);
	bpf_rcu_read_unlock();
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Token bucket with a bpf_spin_lock; it reads the clock while holding the lock. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct bucket {
	struct bpf_spin_lock lock;
	__u64 tokens;
	__u64 last_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct bucket);
} buckets SEC(".maps");

SEC("tc")
int tc_police(struct __sk_buff *skb)
{
	__u32 zero = 0;
	struct bucket *b = bpf_map_lookup_elem(&buckets, &zero);
	int verdict = TC_ACT_OK;

	if (!b)
		return TC_ACT_OK;
	bpf_spin_lock(&b->lock);
	/* BUG: helper call while holding a bpf_spin_lock */
	b->last_ns = bpf_ktime_get_ns();
	if (b->tokens > 0)
		b->tokens--;
	else
		verdict = TC_ACT_SHOT;
	bpf_spin_unlock(&b->lock);
	return verdict;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

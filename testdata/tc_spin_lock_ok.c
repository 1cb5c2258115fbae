// SPDX-License-Identifier: MIT
/* Token bucket shared by all CPUs, protected by a bpf_spin_lock inside the map value. */
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

#define RATE_PER_MS 100

SEC("tc")
int tc_police(struct __sk_buff *skb)
{
	__u32 zero = 0;
	struct bucket *b = bpf_map_lookup_elem(&buckets, &zero);
	__u64 now = bpf_ktime_get_ns();
	int verdict = TC_ACT_OK;

	if (!b)
		return TC_ACT_OK;
	bpf_spin_lock(&b->lock);
	b->tokens += (now - b->last_ns) / 1000000 * RATE_PER_MS;
	b->last_ns = now;
	if (b->tokens > 0)
		b->tokens--;
	else
		verdict = TC_ACT_SHOT;
	bpf_spin_unlock(&b->lock);
	return verdict;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

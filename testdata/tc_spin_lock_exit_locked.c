// SPDX-License-Identifier: MIT
/* Token bucket with a bpf_spin_lock; the "no tokens" path returns with the lock held. */
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

	if (!b)
		return TC_ACT_OK;
	bpf_spin_lock(&b->lock);
	b->tokens += (now - b->last_ns) / 1000000 * RATE_PER_MS;
	b->last_ns = now;
	if (b->tokens == 0)
		/* BUG: exits while holding the spin lock */
		return TC_ACT_SHOT;
	b->tokens--;
	bpf_spin_unlock(&b->lock);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

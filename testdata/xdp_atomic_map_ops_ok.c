// SPDX-License-Identifier: MIT
/* XDP: per-CPU-free statistics with every atomic op: add, fetch_add, or, and, xor, xchg, cmpxchg. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct stats {
	__u64 pkts;
	__u64 bytes;
	__u64 flags_seen;
	__u64 flags_mask;
	__u64 parity;
	__u64 last_len;
	__u64 max_len;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct stats);
} st SEC(".maps");

__u64 seq;

SEC("xdp")
int xdp_stats(struct xdp_md *ctx)
{
	__u64 len = bpf_xdp_get_buff_len(ctx), old, cur;
	__u32 key = 0;
	struct stats *s = bpf_map_lookup_elem(&st, &key);

	if (!s)
		return XDP_PASS;
	__sync_fetch_and_add(&s->pkts, 1);
	old = __sync_fetch_and_add(&s->bytes, len);
	__sync_fetch_and_or(&s->flags_seen, 1ULL << (len & 63));
	__sync_fetch_and_and(&s->flags_mask, ~(1ULL << (len & 63)));
	__sync_fetch_and_xor(&s->parity, len & 1);
	__sync_lock_test_and_set(&s->last_len, len);
	cur = s->max_len;
	if (len > cur)
		__sync_val_compare_and_swap(&s->max_len, cur, len);
	__sync_fetch_and_add(&seq, 1);
	return old > (1ULL << 40) ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

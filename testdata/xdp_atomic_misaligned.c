// SPDX-License-Identifier: MIT
/* XDP: packed statistics record whose 8-byte counter sits at offset 4 and is updated atomically. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct stats {
	__u32 version;
	__u64 pkts;
} __attribute__((packed));

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct stats);
} st SEC(".maps");

SEC("xdp")
int xdp_stats(struct xdp_md *ctx)
{
	__u32 key = 0;
	struct stats *s = bpf_map_lookup_elem(&st, &key);

	if (!s)
		return XDP_PASS;
	/* BUG: the 8-byte atomic add targets offset 4, which is not 8-byte aligned */
	__sync_fetch_and_add(&s->pkts, 1);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/*
 * The map was declared with an 8-byte value, but the program casts the value to
 * a newer, bigger struct and updates a field that the map does not have.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct stats_v1 {
	__u64 packets;
};

struct stats_v2 {
	__u64 packets;
	__u64 last_seen_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct stats_v1);
} stats SEC(".maps");

SEC("xdp")
int xdp_stats(struct xdp_md *ctx)
{
	__u32 zero = 0;
	struct stats_v2 *s = bpf_map_lookup_elem(&stats, &zero);

	if (!s)
		return XDP_PASS;
	s->packets++;
	/* BUG: offset 8 is past the 8-byte map value */
	s->last_seen_ns = bpf_ktime_get_ns();
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

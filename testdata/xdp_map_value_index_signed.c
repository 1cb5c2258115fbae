// SPDX-License-Identifier: MIT
/*
 * Per-offset counters: a signed 8-bit delta read from the packet indexes a
 * 64-entry map value; only the upper bound is checked.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define N 64

struct slots {
	__u64 count[N];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct slots);
} stats SEC(".maps");

SEC("xdp")
int xdp_delta(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct slots *s;
	__u32 zero = 0;
	int i;

	if (data + 15 > data_end)
		return XDP_PASS;
	i = *(__s8 *)(data + 14);
	s = bpf_map_lookup_elem(&stats, &zero);
	if (!s)
		return XDP_PASS;
	/* BUG: signed check only; i may be negative (-128..-1) */
	if (i < N)
		s->count[i]++;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

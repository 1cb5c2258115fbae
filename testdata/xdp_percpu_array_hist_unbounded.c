// SPDX-License-Identifier: MIT
/* XDP: per-CPU histogram of packet sizes whose bucket index is never clamped. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define NBUCKETS 32

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64[NBUCKETS]);
} hist SEC(".maps");

SEC("xdp")
int size_hist(struct xdp_md *ctx)
{
	__u32 key = 0, b = bpf_xdp_get_buff_len(ctx) / 64;
	__u64 *h = bpf_map_lookup_elem(&hist, &key);

	if (!h)
		return XDP_PASS;
	/* BUG: jumbo frames give b >= 32; the bucket index is not clamped */
	h[b]++;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

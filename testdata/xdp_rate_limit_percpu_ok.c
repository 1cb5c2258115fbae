// SPDX-License-Identifier: MIT
/* Per-CPU packet rate limit: at most 1000 packets per CPU per 100 ms window. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct window {
	__u64 start_ns;
	__u64 count;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct window);
} win SEC(".maps");

#define WINDOW_NS 100000000ULL
#define LIMIT 1000

SEC("xdp")
int xdp_ratelimit(struct xdp_md *ctx)
{
	__u32 zero = 0;
	struct window *w = bpf_map_lookup_elem(&win, &zero);
	__u64 now = bpf_ktime_get_ns();

	if (!w)
		return XDP_PASS;
	if (now - w->start_ns > WINDOW_NS) {
		w->start_ns = now;
		w->count = 0;
	}
	return ++w->count > LIMIT ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

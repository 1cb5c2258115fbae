// SPDX-License-Identifier: MIT
/* XDP: hand out session ids from a LIFO pool (stack map); peek first, pop, then push back on drop. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct session {
	__u32 id;
	__u32 gen;
};

struct {
	__uint(type, BPF_MAP_TYPE_STACK);
	__uint(max_entries, 256);
	__type(value, struct session);
} pool SEC(".maps");

__u32 last_id;

SEC("xdp")
int take_session(struct xdp_md *ctx)
{
	struct session s;

	if (bpf_map_peek_elem(&pool, &s))
		return XDP_DROP;
	if (bpf_map_pop_elem(&pool, &s))
		return XDP_DROP;
	if (s.gen > 1000) {
		bpf_map_push_elem(&pool, &s, 0);
		return XDP_DROP;
	}
	last_id = s.id;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

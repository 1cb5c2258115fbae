// SPDX-License-Identifier: MIT
/* XDP: pops a session record from a stack map into a buffer that holds only its id. */
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
	__u32 id;

	/* BUG: pop writes the 8-byte value; the buffer is 4 bytes */
	if (bpf_map_pop_elem(&pool, &id))
		return XDP_DROP;
	last_id = id;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

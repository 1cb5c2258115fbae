// SPDX-License-Identifier: MIT
/* Debug aid that stores the packet pointer itself in a map (leaks a kernel address). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} last_pkt SEC(".maps");

SEC("xdp")
int xdp_last_pkt(struct xdp_md *ctx)
{
	__u32 key = 0;
	__u64 *slot = bpf_map_lookup_elem(&last_pkt, &key);

	if (slot)
		/* BUG: writes a packet pointer into a map value */
		*slot = (__u64)(long)ctx->data;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

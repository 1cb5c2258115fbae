// SPDX-License-Identifier: MIT
/* XDP: reads the queue id stored in an XSKMAP entry as if the value were a __u32. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_XSKMAP);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u32);
} xsks SEC(".maps");

SEC("xdp")
int to_xsk(struct xdp_md *ctx)
{
	__u32 q = ctx->rx_queue_index;
	__u32 *xsk = bpf_map_lookup_elem(&xsks, &q);

	if (!xsk)
		return XDP_PASS;
	/* BUG: an XSKMAP lookup returns a socket; its bytes at offset 4 are not readable */
	if (xsk[1] != q)
		return XDP_PASS;
	return bpf_redirect_map(&xsks, q, XDP_PASS);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

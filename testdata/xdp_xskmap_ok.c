// SPDX-License-Identifier: MIT
/* XDP: hand packets to the AF_XDP socket bound to their receive queue, if there is one. */
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

	if (bpf_map_lookup_elem(&xsks, &q))
		return bpf_redirect_map(&xsks, q, XDP_PASS);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

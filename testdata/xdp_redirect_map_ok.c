// SPDX-License-Identifier: MIT
/* Forward every packet to the port stored in a devmap slot chosen by ingress ifindex. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u32);
} tx_port SEC(".maps");

SEC("xdp")
int xdp_fwd(struct xdp_md *ctx)
{
	__u32 slot = ctx->ingress_ifindex & 63;

	return bpf_redirect_map(&tx_port, slot, XDP_PASS);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

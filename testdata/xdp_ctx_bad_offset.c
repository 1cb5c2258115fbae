// SPDX-License-Identifier: MIT
/* Reads a field past the end of struct xdp_md (which is 24 bytes long). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct xdp_md_ext {
	struct xdp_md md;
	__u32 hw_hash; /* not part of the real context */
};

SEC("xdp")
int xdp_hash(struct xdp_md *ctx)
{
	struct xdp_md_ext *ext = (void *)ctx;

	/* BUG: context offset 24 does not exist in xdp_md */
	if (ext->hw_hash & 1)
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

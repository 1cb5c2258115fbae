// SPDX-License-Identifier: MIT
/* XDP: atomics on a stack slot (legal, if unusual) to build a small flag word. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_flags(struct xdp_md *ctx)
{
	__u64 flags = 0;
	__u64 len = bpf_xdp_get_buff_len(ctx);

	__sync_fetch_and_or(&flags, len > 64 ? 1 : 0);
	__sync_fetch_and_or(&flags, len > 1500 ? 2 : 0);
	__sync_fetch_and_add(&flags, 4);
	__sync_val_compare_and_swap(&flags, 7, 8);
	return flags == 8 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

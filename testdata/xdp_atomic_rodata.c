// SPDX-License-Identifier: MIT
/* XDP: bumps a packet counter that was declared const, so it lives in read-only .rodata. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

const volatile __u64 pkt_budget = 1000;

SEC("xdp")
int xdp_budget(struct xdp_md *ctx)
{
	/* BUG: .rodata is frozen and read-only for the program; an atomic add writes to it */
	__sync_fetch_and_add((__u64 *)&pkt_budget, -1);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

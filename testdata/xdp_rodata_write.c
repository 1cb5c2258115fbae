// SPDX-License-Identifier: MIT
/* Rate-limit knob in .rodata that the program tries to lower at run time. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

const volatile __u32 pkt_budget = 1000;
__u32 seen;

SEC("xdp")
int xdp_budget(struct xdp_md *ctx)
{
	if (++seen < pkt_budget)
		return XDP_PASS;
	/* BUG: .rodata is frozen, read-only for the program */
	*(volatile __u32 *)&pkt_budget = pkt_budget / 2;
	seen = 0;
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

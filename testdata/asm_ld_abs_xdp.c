// SPDX-License-Identifier: MIT
/* An XDP program that reads the EtherType with a legacy BPF_ABS load. */
#include "asm_prog.h"

/* clang-format off */
SEC("xdp")
__naked int ld_abs_xdp(struct xdp_md *ctx)
{
	asm volatile(
		"r6 = r1;"
		/* BUG: BPF_LD_ABS is only allowed in socket filter and tc programs */
		"r0 = *(u16 *)skb[12];"
		"if r0 == 0x806 goto drop;"
		"r0 = 2;"
		"exit;"
	"drop:"
		"r0 = 1;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

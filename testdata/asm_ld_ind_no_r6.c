// SPDX-License-Identifier: MIT
/* A socket filter whose BPF_IND load runs after r6 was reused for the header length. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int ld_ind_no_r6(struct __sk_buff *ctx)
{
	asm volatile(
		"r6 = r1;"
		"r0 = *(u8 *)skb[14];"
		"r0 &= 0xf;"
		"r0 <<= 2;"
		"r7 = r0;"
		"r7 += 16;"
		"r6 = 0;"
		/* BUG: BPF_LD_IND uses r6 as the skb; r6 no longer holds the context */
		"r0 = *(u16 *)skb[r7];"
		"if r0 == 53 goto keep;"
		"r0 = 0;"
		"exit;"
	"keep:"
		"r0 = -1;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

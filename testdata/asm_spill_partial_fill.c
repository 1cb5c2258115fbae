// SPDX-License-Identifier: MIT
/*
 * Spill a checked packet pointer, then fill only its low 32 bits back and use
 * the result as a pointer.
 */
#include "asm_prog.h"

/* clang-format off */
SEC("xdp")
__naked int spill_partial_fill(struct xdp_md *ctx)
{
	asm volatile(
		"r2 = *(u32 *)(r1 + 0);"
		"r3 = *(u32 *)(r1 + 4);"
		"r4 = r2;"
		"r4 += 14;"
		"if r4 > r3 goto l_pass%=;"
		"*(u64 *)(r10 - 8) = r2;"
		/* BUG: 4-byte fill of a spilled pointer gives a scalar */
		"r2 = *(u32 *)(r10 - 8);"
		"r0 = *(u8 *)(r2 + 13);"
		"exit;"
	"l_pass%=:"
		"r0 = 2;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Conditional jump whose target is past the end of the program. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int jump_out_of_range(struct __sk_buff *ctx)
{
	asm volatile(
		"r0 = 0;"
		/* BUG: jump target is outside the program */
		"if r1 != 0 goto +5;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Leaves a dead instruction after an unconditional exit. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int unreachable_insn(struct __sk_buff *ctx)
{
	asm volatile(
		"r0 = 0;"
		"exit;"
		/* BUG: unreachable instruction */
		"r0 = 1;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

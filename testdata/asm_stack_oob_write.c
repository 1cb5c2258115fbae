// SPDX-License-Identifier: MIT
/* Stores below the 512-byte stack frame. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int stack_oob_write(struct __sk_buff *ctx)
{
	asm volatile(
		"r1 = 0;"
		/* BUG: offset -520 is outside the 512-byte stack */
		"*(u64 *)(r10 - 520) = r1;"
		"r0 = 0;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

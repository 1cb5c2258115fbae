// SPDX-License-Identifier: MIT
/* Advances the context pointer with a 32-bit add, which truncates it. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int alu32_on_ptr(struct __sk_buff *ctx)
{
	asm volatile(
		/* BUG: 32-bit arithmetic on a pointer */
		"w1 += 4;"
		"r0 = *(u32 *)(r1 + 0);"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Returns a stack slot that nothing ever stored to. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int stack_never_written(struct __sk_buff *ctx)
{
	asm volatile(
		/* BUG: reads a never-written stack slot */
		"r0 = *(u64 *)(r10 - 8);"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

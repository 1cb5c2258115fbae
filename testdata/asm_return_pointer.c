// SPDX-License-Identifier: MIT
/* Returns a stack address as the socket filter verdict. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int return_pointer(struct __sk_buff *ctx)
{
	asm volatile(
		/* BUG: returns a kernel address (pointer leak) */
		"r0 = r10;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

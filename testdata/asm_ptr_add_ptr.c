// SPDX-License-Identifier: MIT
/* Adds two pointers (ctx + frame pointer). */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int ptr_add_ptr(struct __sk_buff *ctx)
{
	asm volatile(
		/* BUG: pointer += pointer is never allowed */
		"r1 += r10;"
		"r0 = 0;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

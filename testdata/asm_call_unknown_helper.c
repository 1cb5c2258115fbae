// SPDX-License-Identifier: MIT
/* Calls helper number 9999, which does not exist. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int call_unknown_helper(struct __sk_buff *ctx)
{
	asm volatile(
		/* BUG: unknown helper id */
		"call 9999;"
		"r0 = 0;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

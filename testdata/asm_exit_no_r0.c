// SPDX-License-Identifier: MIT
/* Exits without setting the return value r0. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int exit_no_r0(struct __sk_buff *ctx)
{
	asm volatile(
		"r1 = 0;"
		/* BUG: r0 is never written before exit */
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

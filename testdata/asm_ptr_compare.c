// SPDX-License-Identifier: MIT
/* Compares the context pointer with the frame pointer (allowed as root only). */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int ptr_compare(struct __sk_buff *ctx)
{
	asm volatile(
		"r0 = 0;"
		/* BUG: pointer comparison leaks address order (unprivileged) */
		"if r1 == r10 goto +1;"
		"r0 = 1;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

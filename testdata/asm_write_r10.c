// SPDX-License-Identifier: MIT
/* Moves the frame pointer r10 to make room for a bigger frame. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int write_r10(struct __sk_buff *ctx)
{
	asm volatile(
		/* BUG: r10 is read-only */
		"r10 += -8;"
		"r0 = 0;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

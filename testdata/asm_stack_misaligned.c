// SPDX-License-Identifier: MIT
/* 8-byte store to a stack address that is only 4-byte aligned. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int stack_misaligned(struct __sk_buff *ctx)
{
	asm volatile(
		"r1 = 0;"
		/* BUG: stack accesses must be naturally aligned */
		"*(u64 *)(r10 - 12) = r1;"
		"r0 = *(u32 *)(r10 - 12);"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

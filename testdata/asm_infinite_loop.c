// SPDX-License-Identifier: MIT
/* Spins forever on a backward jump that never changes state. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int infinite_loop(struct __sk_buff *ctx)
{
	asm volatile(
		"r0 = 0;"
		/* BUG: infinite loop (state never changes) */
		"if r0 == 0 goto -1;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Divides by a register that is 0. Defined by the ISA (result 0), so it is allowed. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int div_by_zero_ok(struct __sk_buff *ctx)
{
	asm volatile(
		"r1 = *(u32 *)(r1 + 0);"
		"r2 = 0;"
		"r1 /= r2;"
		"r0 = r1;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

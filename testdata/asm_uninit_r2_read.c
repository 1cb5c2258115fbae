// SPDX-License-Identifier: MIT
/* Returns r2, a register that is never written (only r1 and r10 are set on entry). */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int uninit_r2_read(struct __sk_buff *ctx)
{
	asm volatile(
		/* BUG: r2 is read before it is written */
		"r0 = r2;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

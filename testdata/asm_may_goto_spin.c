// SPDX-License-Identifier: MIT
/* A loop with no exit condition but may_goto: the kernel's counter ends it, so
 * it terminates; the only way out reads r2, which the loop body initialises
 * only after the may_goto, so the first exit path sees it uninitialised. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int may_goto_spin(struct __sk_buff *ctx)
{
	asm volatile(
		"r0 = 0;"
		/* may_goto +3 */
		".8byte 0x00000000000300e5;"
		"r2 = 1;"
		"r0 += r2;"
		"goto -4;"
		/* BUG: r2 is not initialised when may_goto exits on its first pass */
		"r0 += r2;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Fills a 64-byte stack buffer in a loop bounded by may_goto and an index check
 * (the can_loop pattern). LLVM 14 cannot spell may_goto: it is written as raw
 * bytes (0xe5 = JMP | JCOND, src 0, off +7 to the exit of the loop). */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int may_goto_fill(struct __sk_buff *ctx)
{
	asm volatile(
		"r1 = 0;"
		"r2 = r10;"
		"r2 += -64;"
		/* may_goto +7 */
		".8byte 0x00000000000700e5;"
		"if r1 >= 64 goto +6;"
		"r3 = r2;"
		"r3 += r1;"
		"r4 = 1;"
		"*(u8 *)(r3 + 0) = r4;"
		"r1 += 1;"
		"goto -8;"
		"r0 = 0;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

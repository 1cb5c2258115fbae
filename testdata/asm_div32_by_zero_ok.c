// SPDX-License-Identifier: MIT
/*
 * 32-bit division by a register that may be 0 (skb->mark). Defined by the ISA
 * (the result is 0), so the kernel allows it. LLVM 14 cannot assemble the
 * modulo instruction, so only division is covered in asm.
 */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int div32_by_zero_ok(struct __sk_buff *ctx)
{
	asm volatile(
		"r2 = *(u32 *)(r1 + 8);" /* skb->mark, often 0 */
		"r1 = *(u32 *)(r1 + 0);"
		"w1 /= w2;"
		"w0 = w1;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Reads skb->len (a 4-byte field) with an 8-byte load. */
#include "asm_prog.h"

/* clang-format off */
SEC("socket")
__naked int ctx_load_size(struct __sk_buff *ctx)
{
	asm volatile(
		/* BUG: context field len is 4 bytes, loaded with size 8 */
		"r0 = *(u64 *)(r1 + 0);"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

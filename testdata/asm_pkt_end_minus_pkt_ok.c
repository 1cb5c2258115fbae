// SPDX-License-Identifier: MIT
/* Computes the linear length as data_end - data (pointer difference is a scalar). */
#include "asm_prog.h"

/* clang-format off */
SEC("tc")
__naked int pkt_end_minus_pkt_ok(struct __sk_buff *ctx)
{
	asm volatile(
		"r2 = *(u32 *)(r1 + 76);"
		"r3 = *(u32 *)(r1 + 80);"
		"r3 -= r2;"
		"r0 = 0;"
		"if r3 > 1500 goto +1;"
		"r0 = 2;"
		"exit;"
		::: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/*
 * Spill a bounds-checked packet pointer to the stack, clobber the register with
 * a helper call, fill it back and read through it: the fill restores the range.
 */
#include "asm_prog.h"

/* clang-format off */
SEC("xdp")
__naked int spill_fill_pkt_ok(struct xdp_md *ctx)
{
	asm volatile(
		"r2 = *(u32 *)(r1 + 0);" /* data */
		"r3 = *(u32 *)(r1 + 4);" /* data_end */
		"r4 = r2;"
		"r4 += 14;"
		"if r4 > r3 goto l_pass%=;"
		"*(u64 *)(r10 - 8) = r2;" /* spill the checked pointer */
		"call %[bpf_get_prandom_u32];"
		"r2 = *(u64 *)(r10 - 8);" /* fill it back */
		"r0 = *(u8 *)(r2 + 13);"
		"if r0 == 0 goto l_pass%=;"
		"r0 = 1;"
		"exit;"
	"l_pass%=:"
		"r0 = 2;"
		"exit;"
		:: __imm(bpf_get_prandom_u32)
		: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/*
 * A 32-bit compare bounds only the low half of a 64-bit value whose upper bits
 * are unknown, and the whole 64-bit register is then used as an offset.
 */
#include "asm_prog.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u8[16]);
} table SEC(".maps");

/* clang-format off */
SEC("socket")
__naked int jmp32_upper_bits(struct __sk_buff *ctx)
{
	asm volatile(
		"r6 = *(u32 *)(r1 + 0);"
		"r7 = *(u32 *)(r1 + 4);"
		"r7 <<= 32;"
		"r6 |= r7;" /* upper 32 bits come from pkt_type */
		"r1 = 0;"
		"*(u32 *)(r10 - 4) = r1;"
		"r2 = r10;"
		"r2 += -4;"
		"r1 = %[table] ll;"
		"call %[bpf_map_lookup_elem];"
		"if r0 == 0 goto l_out%=;"
		"if w6 > 15 goto l_out%=;"
		/* BUG: only the low 32 bits of r6 are bounded */
		"r0 += r6;"
		"r0 = *(u8 *)(r0 + 0);"
		"exit;"
	"l_out%=:"
		"r0 = 0;"
		"exit;"
		:: __imm_addr(table), __imm(bpf_map_lookup_elem)
		: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

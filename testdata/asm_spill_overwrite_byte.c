// SPDX-License-Identifier: MIT
/*
 * Spill a map value pointer, overwrite one byte of the slot, then fill the
 * slot back and dereference it as if it were still the pointer.
 */
#include "asm_prog.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} table SEC(".maps");

/* clang-format off */
SEC("socket")
__naked int spill_overwrite_byte(struct __sk_buff *ctx)
{
	asm volatile(
		"r1 = 0;"
		"*(u32 *)(r10 - 4) = r1;"
		"r2 = r10;"
		"r2 += -4;"
		"r1 = %[table] ll;"
		"call %[bpf_map_lookup_elem];"
		"if r0 == 0 goto l_out%=;"
		"*(u64 *)(r10 - 16) = r0;"
		"r1 = 0;"
		"*(u8 *)(r10 - 16) = r1;" /* corrupts the low byte of the spilled pointer */
		"r0 = *(u64 *)(r10 - 16);"
		/* BUG: the filled value is no longer a pointer */
		"r0 = *(u64 *)(r0 + 0);"
		"exit;"
	"l_out%=:"
		"r0 = 0;"
		"exit;"
		:: __imm_addr(table), __imm(bpf_map_lookup_elem)
		: "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

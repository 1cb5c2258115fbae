// SPDX-License-Identifier: MIT
/* An array lookup whose key is a constant spilled with the key's size (4 bytes at an
 * aligned slot) and inside max_entries cannot fail: the kernel drops the NULL check
 * (can_elide_value_nullness), so the value is read without one. */
#include "asm_prog.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} slots SEC(".maps");

/* clang-format off */
SEC("tc")
__naked int array_const_key(struct __sk_buff *ctx)
{
	asm volatile(
		"r1 = 3;"
		"*(u32 *)(r10 - 8) = r1;"
		"r2 = r10;"
		"r2 += -8;"
		"r1 = %[slots] ll;"
		"call 1;"
		"r0 = *(u64 *)(r0 + 0);"
		"r0 &= 1;"
		"exit;"
		:: __imm_addr(slots) : "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

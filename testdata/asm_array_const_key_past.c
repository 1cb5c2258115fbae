// SPDX-License-Identifier: MIT
/* An array lookup with a constant key past max_entries: it can fail, and the value
 * is read without a NULL check. */
#include "asm_prog.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} slots SEC(".maps");

/* clang-format off */
SEC("tc")
__naked int array_const_key_past(struct __sk_buff *ctx)
{
	asm volatile(
		"r1 = 4;"
		"*(u32 *)(r10 - 8) = r1;"
		"r2 = r10;"
		"r2 += -8;"
		"r1 = %[slots] ll;"
		"call 1;"
		/* BUG: key 4 is outside the 4 entries: the lookup returns NULL */
		"r0 = *(u64 *)(r0 + 0);"
		"r0 &= 1;"
		"exit;"
		:: __imm_addr(slots) : "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

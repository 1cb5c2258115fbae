// SPDX-License-Identifier: MIT
/* An array lookup whose zero key straddles two stack slots (fp-10 .. fp-7): the
 * kernel reads a constant key only inside its first slot, so the lookup may still
 * return NULL. */
#include "asm_prog.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} slots SEC(".maps");

/* clang-format off */
SEC("tc")
__naked int array_const_key_split(struct __sk_buff *ctx)
{
	asm volatile(
		"r1 = 0;"
		"*(u16 *)(r10 - 10) = r1;"
		"*(u16 *)(r10 - 8) = r1;"
		"r2 = r10;"
		"r2 += -10;"
		"r1 = %[slots] ll;"
		"call 1;"
		/* BUG: no NULL check: the key is not known to the kernel */
		"r0 = *(u64 *)(r0 + 0);"
		"r0 &= 1;"
		"exit;"
		:: __imm_addr(slots) : "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

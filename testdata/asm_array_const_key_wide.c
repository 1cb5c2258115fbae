// SPDX-License-Identifier: MIT
/* An array lookup whose constant key is spilled as 8 bytes, not the key's 4: the
 * kernel does not treat the key as known, so the lookup may return NULL. */
#include "asm_prog.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} slots SEC(".maps");

/* clang-format off */
SEC("tc")
__naked int array_const_key_wide(struct __sk_buff *ctx)
{
	asm volatile(
		"r1 = 3;"
		"*(u64 *)(r10 - 8) = r1;"
		"r2 = r10;"
		"r2 += -8;"
		"r1 = %[slots] ll;"
		"call 1;"
		/* BUG: no NULL check: the wide spill hides the constant key */
		"r0 = *(u64 *)(r0 + 0);"
		"r0 &= 1;"
		"exit;"
		:: __imm_addr(slots) : "memory");
}
/* clang-format on */

char LICENSE[] SEC("license") = "Dual MIT/GPL";

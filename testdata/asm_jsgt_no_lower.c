// SPDX-License-Identifier: MIT
/*
 * Index an 8-entry map value with a signed value that is checked only from
 * above: jsgt 7 lets negative values through.
 */
#include "asm_prog.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u8[8]);
} table SEC(".maps");

/* clang-format off */
SEC("socket")
__naked int jsgt_no_lower(struct __sk_buff *ctx)
{
	asm volatile(
		"r6 = *(u32 *)(r1 + 0);" /* r6 = skb->len */
		"r6 += -100;" /* may be negative */
		"r1 = 0;"
		"*(u32 *)(r10 - 4) = r1;"
		"r2 = r10;"
		"r2 += -4;"
		"r1 = %[table] ll;"
		"call %[bpf_map_lookup_elem];"
		"if r0 == 0 goto l_out%=;"
		"if r6 s> 7 goto l_out%=;"
		/* BUG: r6 may be negative (len < 100) */
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

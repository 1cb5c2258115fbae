/* SPDX-License-Identifier: MIT */
/*
 * core: BPF CO-RE ("compile once, run everywhere") relocations. The .BTF.ext
 * of an object lists, for some instructions, a local BTF type, an access
 * string such as "0:2:1" and a relocation kind (enum bpf_core_relo_kind of
 * linux/bpf.h). core_apply() computes each value against a target BTF (a
 * kernel's) with the semantics of libbpf 1.x (relo_core.c): candidate types by
 * "essential" name (the name without a "___flavour" suffix), field matching by
 * name through anonymous members, array bounds, bitfields, type and enum
 * value relocations, agreement of all candidates; and patches the
 * instructions as libbpf does, poisoning those whose target is missing.
 */
#ifndef BV_VERIFIER_CORE_H
#define BV_VERIFIER_CORE_H

#include <stddef.h>
#include <stdint.h>

#include "btf.h"
#include "insn.h"
#include "obj.h"

/* Values of enum bpf_core_relo_kind (linux/bpf.h) */
enum core_kind {
	CORE_FIELD_BYTE_OFFSET = 0,
	CORE_FIELD_BYTE_SIZE = 1,
	CORE_FIELD_EXISTS = 2,
	CORE_FIELD_SIGNED = 3,
	CORE_FIELD_LSHIFT_U64 = 4,
	CORE_FIELD_RSHIFT_U64 = 5,
	CORE_TYPE_ID_LOCAL = 6,
	CORE_TYPE_ID_TARGET = 7,
	CORE_TYPE_EXISTS = 8,
	CORE_TYPE_SIZE = 9,
	CORE_ENUMVAL_EXISTS = 10,
	CORE_ENUMVAL_VALUE = 11,
	CORE_TYPE_MATCHES = 12,
};

/* One relocation that found no target: the instruction at @pc was poisoned */
struct core_poison {
	uint32_t pc;
	char why[192];
};

#define CORE_POISON_IMM 0xbad2310 /* as libbpf: "call" of this invalid helper id */

/*
 * Apply the @n CO-RE relocations @cores to the program image @insns (@cnt slots), whose
 * object BTF is @local, against the target BTF @targ (a kernel's BTF, or @local itself when
 * no kernel BTF is given: then every relocation resolves to the local type). Patches as
 * libbpf: ALU/ALU64 with immediate (mov, add, ...) -> imm; LDX/ST/STX -> off (and, for a field
 * byte offset relocation on an LDX whose field size changed, the load size as libbpf does, or
 * error where libbpf errors); LDDW -> 64-bit immediate in the two slots. A relocation with
 * no matching target (libbpf's poison case) replaces the instruction by
 * code 0x85 (call) src 0 dst 0 off 0 imm CORE_POISON_IMM (for an LDDW, also the second slot
 * gets harmless content; the verifier reports the poisoned pc if it is reached) and records
 * it in *@poison (malloc'd array, *@npoison entries; caller frees; why = e.g.
 * "field offset of struct task_struct.pidx (access 0:3): no field in target").
 * The instruction's original value must match the local value libbpf computes (as libbpf
 * checks with "unexpected insn" errors) - otherwise error.
 * Returns 0, or -1 with a one-line lowercase reason in @err for malformed input
 * (bad access string, type id out of range, relocation on an instruction it cannot patch,
 *  ambiguous candidates with different results).
 *
 * Details: the second slot of a poisoned LDDW becomes the same invalid call (as libbpf
 * does); only the first slot is listed in *@poison. Candidates are looked up with the name
 * index of @targ when btf_index() built one, else by a scan. As in libbpf, the candidate
 * list of a local type shrinks to the candidates that matched a relocation, for the later
 * relocations of the same call. Bitfield shifts assume the host's byte order (libbpf
 * computes them for the machine it runs on). On error, *@poison is NULL, *@npoison 0, and
 * @insns may be partly patched.
 */
int core_apply(const struct btf *local, const struct btf *targ, const struct obj_core *cores,
	       size_t n, struct raw_insn *insns, size_t cnt, struct core_poison **poison,
	       size_t *npoison, char *err, size_t err_size);

#endif

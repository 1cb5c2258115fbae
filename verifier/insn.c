// SPDX-License-Identifier: MIT
/*
 * insn: decoding RFC 9669 instructions. Every slot is checked against the
 * opcode table of RFC 9669 (sections 3-5 and appendix A): the opcode must be
 * defined, fields the instruction does not use must be zero, register fields
 * must name r0-r10, immediates that select a variant (END width, MOVSX
 * offset, atomic operation, lddw kind) must be one of the defined values.
 * Jump and local-call targets are resolved to absolute slots and checked.
 *
 * Linux encodings outside the RFC: load-acquire / store-release (atomic imm
 * 0x100 / 0x110, every size), callx (0x8d) and may_goto (0xe5) decode; gotox
 * and addr_space_cast are rejected as unsupported. Things the ISA defines but
 * Linux rejects (a constant shift >= the operand width, a division by the
 * constant 0, writes to r10, callx) decode fine: the verifier decides.
 *
 * Decoded fields beyond the header's comments: INSN_ALU keeps the raw code
 * (alu) except for SDIV / SMOD / MOVSX; INSN_END has alu INSN_ALU_END;
 * INSN_CALLX puts the target register in dst whichever field held it (LLVM 14
 * puts it in imm, later compilers in dst); INSN_LDDW with src INSN_LDDW_FUNC
 * resolves target like a local call (pc + 1 + imm); INSN_ATOMIC has atomic
 * without the fetch bit (INSN_ATOMIC_XCHG, not 0xe1) and fetch set apart;
 * INSN_LD_IND has src_reg set. size is 0 for everything but memory accesses.
 *
 * Kernel rules that are stricter than the RFC and not applied here: kfunc
 * calls with a module BTF index in off (only .o inputs are decoded, where it
 * is 0); lddw src 3 (BTF id) with a module BTF fd in the next imm.
 *
 * insn_snprint() follows llvm-objdump 14 (`-d --no-show-raw-insn`, default
 * features, so no alu32 register names for loads and stores). Encodings that
 * LLVM 14 cannot print (it shows `<unknown>`) use the syntax of later LLVM
 * releases: mod "r1 %= r2", sdiv/smod "r1 s/= r2", movsx "r1 = (s8)r2",
 * memsx "r1 = *(s8 *)(r2 + 0)", bswap "r1 = bswap16 r1", jset
 * "if r1 & r2 goto +1", gotol "gotol +5", store immediate
 * "*(u32 *)(r10 - 8) = 1", 32-bit atomics other than a plain add
 * "lock *(u32 *)(r1 + 0) |= w2", "w2 = atomic_fetch_add((u32 *)(r1 + 0), w2)",
 * "w2 = xchg32_32(r1 + 0, w2)", "w0 = cmpxchg32_32(r1 + 0, w0, w2)",
 * load-acquire "r0 = load_acquire((u64 *)(r1 + 0))" and store-release
 * "store_release((u64 *)(r1 + 0), r2)". One deliberate difference: LLVM 14
 * without alu32 prints a 32-bit atomic fetch-add (0xc3, imm 1) as if it were
 * the plain add; we print the fetch form. ld_ind with a non-zero imm prints
 * as "skb[r3 + 4]" (LLVM drops the imm; clang never emits one).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "insn.h"

/* Opcode fields (RFC 9669 section 3) */
#define CLS(c) ((c)&0x07)
#define OP(c) ((c) >> 4) /* ALU / JMP operation code */
#define SRC_X(c) (((c)&0x08) != 0) /* source bit: register operand */
#define MODE(c) ((c)&0xe0)
#define SIZE(c) ((c)&0x18)

enum {
	C_LD = 0x0,
	C_LDX = 0x1,
	C_ST = 0x2,
	C_STX = 0x3,
	C_ALU = 0x4,
	C_JMP = 0x5,
	C_JMP32 = 0x6,
	C_ALU64 = 0x7,
};

enum {
	M_IMM = 0x00,
	M_ABS = 0x20,
	M_IND = 0x40,
	M_MEM = 0x60,
	M_MEMSX = 0x80,
	M_ATOMIC = 0xc0,
};

enum {
	S_W = 0x00,
	S_H = 0x08,
	S_B = 0x10,
	S_DW = 0x18,
};

#define LDDW_CODE 0x18
#define ATOMIC_FETCH 0x01
#define MAX_REG 10

#if defined(__GNUC__)
#define INSN_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define INSN_PRINTF(a, b)
#endif

/*
 * How decoding finds out whether a slot is the second half of an lddw:
 * insn_decode_all() marks every slot in @out first (exact); insn_decode_one()
 * looks at the previous opcode, which is exact for every program whose
 * lddws are well formed (a second slot has opcode 0, never 0x18).
 */
struct dec {
	const struct raw_insn *raw;
	size_t cnt;
	const struct insn *marks; /* slots marked INSN_LDDW_HI, or NULL */
	bool lenient; /* insn_decode_one_unchecked(): targets are not checked */
	struct insn_err *err;
};

static int fail(const struct dec *d, uint32_t pc, const char *fmt, ...) INSN_PRINTF(3, 4);

static int fail(const struct dec *d, uint32_t pc, const char *fmt, ...)
{
	va_list ap;

	if (d->err) {
		d->err->pc = pc;
		va_start(ap, fmt);
		vsnprintf(d->err->msg, sizeof(d->err->msg), fmt, ap);
		va_end(ap);
	}
	return -1;
}

static bool slot_is_hi(const struct dec *d, uint32_t pc)
{
	if (d->marks)
		return d->marks[pc].kind == INSN_LDDW_HI;
	return pc > 0 && d->raw[pc - 1].code == LDDW_CODE;
}

static const char *const cls_name[8] = { "ld", "ldx", "st", "stx", "alu", "jmp", "jmp32", "alu64" };

static const char *size_name(uint8_t sz)
{
	switch (sz) {
	case S_W:
		return "w";
	case S_H:
		return "h";
	case S_B:
		return "b";
	default:
		return "dw";
	}
}

static uint8_t size_bytes(uint8_t sz)
{
	switch (sz) {
	case S_W:
		return 4;
	case S_H:
		return 2;
	case S_B:
		return 1;
	default:
		return 8;
	}
}

static int unknown(const struct dec *d, uint32_t pc, uint8_t code)
{
	return fail(d, pc, "unknown opcode 0x%02x", code);
}

/* Fail unless field @name of value @val is zero for instruction form @what */
static int need_zero(const struct dec *d, uint32_t pc, const char *name, int64_t val,
		     const char *what)
{
	if (val == 0)
		return 0;
	return fail(d, pc, "reserved field %s must be 0 for %s, is %" PRId64, name, what, val);
}

static int need_reg(const struct dec *d, uint32_t pc, const char *name, unsigned reg)
{
	if (reg <= MAX_REG)
		return 0;
	return fail(d, pc, "invalid %s register %u (must be 0-10)", name, reg);
}

/* Resolve a pc-relative displacement; @what names it in messages ("jump", "call") */
static int resolve(const struct dec *d, uint32_t pc, int64_t disp, const char *what,
		   uint32_t *target)
{
	int64_t t = (int64_t)pc + 1 + disp;

	if (d->lenient) {
		*target = t >= 0 && (uint64_t)t < d->cnt ? (uint32_t)t : 0;
		return 0;
	}
	if (t < 0)
		return fail(d, pc, "%s target %" PRId64 " is before the start of the program", what,
			    t);
	if ((uint64_t)t >= d->cnt)
		return fail(d, pc,
			    "%s target %" PRId64 " is past the end (program has %zu instructions)",
			    what, t, d->cnt);
	if (slot_is_hi(d, (uint32_t)t))
		return fail(d, pc, "%s target %" PRId64 " is the second slot of lddw at %" PRId64,
			    what, t, t - 1);
	*target = (uint32_t)t;
	return 0;
}

static int dec_alu(const struct dec *d, const struct raw_insn *r, struct insn *o)
{
	uint32_t pc = o->pc;
	bool is64 = CLS(r->code) == C_ALU64;
	bool x = SRC_X(r->code);
	unsigned op = OP(r->code);
	const char *cls = cls_name[CLS(r->code)];
	char what[32];

	o->is64 = is64;
	o->src_reg = x;
	o->alu = (enum insn_alu_op)op;
	snprintf(what, sizeof(what), "%s %s", cls, x ? "register" : "immediate");

	switch (op) {
	case INSN_ALU_NEG:
		if (x)
			return unknown(d, pc, r->code);
		snprintf(what, sizeof(what), "%s neg", cls);
		if (need_zero(d, pc, "src", r->src, what) ||
		    need_zero(d, pc, "off", r->off, what) || need_zero(d, pc, "imm", r->imm, what))
			return -1;
		break;
	case INSN_ALU_END:
		if (is64 && x)
			return unknown(d, pc, r->code);
		o->kind = INSN_END;
		o->to_be = !is64 && x;
		o->src_reg = false;
		snprintf(what, sizeof(what), "%s", is64 ? "alu64 bswap" : x ? "alu be" : "alu le");
		if (need_zero(d, pc, "src", r->src, what) || need_zero(d, pc, "off", r->off, what))
			return -1;
		if (r->imm != 16 && r->imm != 32 && r->imm != 64)
			return fail(d, pc,
				    "invalid %s width imm %" PRId32 " (must be 16, 32 or 64)", what,
				    r->imm);
		o->ext_bits = (uint8_t)r->imm;
		break;
	case INSN_ALU_MOV:
		if (x) {
			if (is64 && r->off == 1)
				return fail(
					d, pc,
					"addr_space_cast (alu64 mov with off 1) is a linux extension and not supported");
			if (r->off == 8 || r->off == 16 || (is64 && r->off == 32)) {
				o->alu = INSN_ALU_MOVSX;
				o->ext_bits = (uint8_t)r->off;
			} else if (r->off != 0) {
				return fail(d, pc,
					    "invalid off %d for %s mov register (must be %s)",
					    r->off, cls, is64 ? "0, 8, 16 or 32" : "0, 8 or 16");
			}
		} else if (need_zero(d, pc, "off", r->off, what)) {
			return -1;
		}
		break;
	case INSN_ALU_DIV:
	case INSN_ALU_MOD:
		if (r->off == 1)
			o->alu = op == INSN_ALU_DIV ? INSN_ALU_SDIV : INSN_ALU_SMOD;
		else if (r->off != 0)
			return fail(d, pc, "invalid off %d for %s %s (must be 0 or 1)", r->off, cls,
				    op == INSN_ALU_DIV ? "div" : "mod");
		break;
	case INSN_ALU_ADD:
	case INSN_ALU_SUB:
	case INSN_ALU_MUL:
	case INSN_ALU_OR:
	case INSN_ALU_AND:
	case INSN_ALU_LSH:
	case INSN_ALU_RSH:
	case INSN_ALU_XOR:
	case INSN_ALU_ARSH:
		if (need_zero(d, pc, "off", r->off, what))
			return -1;
		break;
	default:
		return unknown(d, pc, r->code);
	}
	if (op != INSN_ALU_NEG && op != INSN_ALU_END) {
		if (x ? need_zero(d, pc, "imm", r->imm, what)
		      : need_zero(d, pc, "src", r->src, what))
			return -1;
	}
	if (need_reg(d, pc, "dst", r->dst) ||
	    (x && op != INSN_ALU_END && need_reg(d, pc, "src", r->src)))
		return -1;
	return 0;
}

static int dec_callx(const struct dec *d, const struct raw_insn *r, struct insn *o)
{
	uint32_t pc = o->pc;

	/* LLVM 14 puts the register in imm, later compilers in dst */
	o->kind = INSN_CALLX;
	o->src_reg = true;
	if (need_zero(d, pc, "src", r->src, "callx") || need_zero(d, pc, "off", r->off, "callx"))
		return -1;
	if (r->imm != 0 && r->dst != 0)
		return fail(d, pc, "callx names its register twice (dst %u, imm %" PRId32 ")",
			    r->dst, r->imm);
	if (r->imm < 0 || r->imm > MAX_REG)
		return fail(d, pc, "invalid callx register imm %" PRId32 " (must be 0-10)", r->imm);
	o->dst = r->imm != 0 ? (uint8_t)r->imm : r->dst;
	return need_reg(d, pc, "dst", o->dst);
}

static int dec_jmp(const struct dec *d, const struct raw_insn *r, struct insn *o)
{
	uint32_t pc = o->pc;
	bool is64 = CLS(r->code) == C_JMP;
	bool x = SRC_X(r->code);
	unsigned op = OP(r->code);
	char what[32];

	o->is64 = is64;
	o->src_reg = x;
	switch (op) {
	case 0x0: /* JA */
		if (x) {
			if (is64)
				return fail(
					d, pc,
					"unknown opcode 0x%02x (gotox, a linux extension, is not supported)",
					r->code);
			return unknown(d, pc, r->code);
		}
		o->kind = INSN_JA;
		if (need_zero(d, pc, "src", r->src, is64 ? "ja" : "gotol") ||
		    need_zero(d, pc, "dst", r->dst, is64 ? "ja" : "gotol"))
			return -1;
		if (is64) {
			if (need_zero(d, pc, "imm", r->imm, "ja"))
				return -1;
			return resolve(d, pc, r->off, "jump", &o->target);
		}
		if (need_zero(d, pc, "off", r->off, "gotol"))
			return -1;
		return resolve(d, pc, r->imm, "jump", &o->target);
	case 0x8: /* CALL */
		if (!is64)
			return unknown(d, pc, r->code);
		if (x)
			return dec_callx(d, r, o);
		o->kind = INSN_CALL;
		if (need_zero(d, pc, "dst", r->dst, "call") ||
		    need_zero(d, pc, "off", r->off, "call"))
			return -1;
		if (r->src > INSN_CALL_KFUNC)
			return fail(d, pc,
				    "invalid call src %u (must be 0 helper, 1 local or 2 kfunc)",
				    r->src);
		if (r->src == INSN_CALL_LOCAL)
			return resolve(d, pc, r->imm, "call", &o->target);
		return 0;
	case 0x9: /* EXIT */
		if (!is64 || x)
			return unknown(d, pc, r->code);
		o->kind = INSN_EXIT;
		if (need_zero(d, pc, "dst", r->dst, "exit") ||
		    need_zero(d, pc, "src", r->src, "exit") ||
		    need_zero(d, pc, "off", r->off, "exit") ||
		    need_zero(d, pc, "imm", r->imm, "exit"))
			return -1;
		return 0;
	case 0xe: /* JCOND: may_goto is the only condition (src 0) */
		if (!is64 || x)
			return unknown(d, pc, r->code);
		o->kind = INSN_MAY_GOTO;
		if (need_zero(d, pc, "src", r->src, "may_goto") ||
		    need_zero(d, pc, "dst", r->dst, "may_goto") ||
		    need_zero(d, pc, "imm", r->imm, "may_goto"))
			return -1;
		return resolve(d, pc, r->off, "jump", &o->target);
	case 0xf:
		return unknown(d, pc, r->code);
	default:
		break;
	}
	o->kind = INSN_JCOND;
	o->jmp = (enum insn_jmp_op)op;
	snprintf(what, sizeof(what), "%s %s", cls_name[CLS(r->code)], x ? "register" : "immediate");
	if (x ? need_zero(d, pc, "imm", r->imm, what) : need_zero(d, pc, "src", r->src, what))
		return -1;
	if (need_reg(d, pc, "dst", r->dst) || (x && need_reg(d, pc, "src", r->src)))
		return -1;
	return resolve(d, pc, r->off, "jump", &o->target);
}

/* The second slot of the lddw at @pc (which must exist) */
static int check_hi(const struct dec *d, uint32_t pc)
{
	const struct raw_insn *h = &d->raw[pc + 1];

	if (h->code != 0)
		return fail(d, pc,
			    "second slot of lddw at %" PRIu32 " has opcode 0x%02x (must be 0)", pc,
			    h->code);
	if (h->dst != 0 || h->src != 0)
		return fail(d, pc,
			    "second slot of lddw at %" PRIu32
			    " has registers dst %u src %u (must be 0)",
			    pc, h->dst, h->src);
	if (h->off != 0)
		return fail(d, pc, "second slot of lddw at %" PRIu32 " has off %d (must be 0)", pc,
			    h->off);
	return 0;
}

static int dec_lddw(const struct dec *d, const struct raw_insn *r, struct insn *o)
{
	uint32_t pc = o->pc;

	o->kind = INSN_LDDW;
	if ((size_t)pc + 1 >= d->cnt)
		return fail(d, pc, "lddw at %" PRIu32 " is missing its second slot", pc);
	if (check_hi(d, pc) || need_zero(d, pc, "off", r->off, "lddw"))
		return -1;
	if (r->src > INSN_LDDW_MAP_IDX_VALUE)
		return fail(d, pc, "invalid lddw src %u (must be 0-6)", r->src);
	o->imm_hi = d->raw[pc + 1].imm;
	o->imm64 = (uint32_t)r->imm | (uint64_t)(uint32_t)o->imm_hi << 32;
	switch (r->src) {
	case INSN_LDDW_MAP_FD:
	case INSN_LDDW_BTF_ID:
	case INSN_LDDW_FUNC:
	case INSN_LDDW_MAP_IDX:
		if (o->imm_hi != 0)
			return fail(
				d, pc,
				"reserved field next imm must be 0 for lddw src %u, is %" PRId32,
				r->src, o->imm_hi);
		break;
	default:
		break;
	}
	if (need_reg(d, pc, "dst", r->dst))
		return -1;
	if (r->src == INSN_LDDW_FUNC)
		return resolve(d, pc, r->imm, "lddw function", &o->target);
	return 0;
}

static int dec_ld(const struct dec *d, const struct raw_insn *r, struct insn *o)
{
	uint32_t pc = o->pc;
	uint8_t mode = MODE(r->code);
	const char *what;

	if (mode == M_IMM && SIZE(r->code) == S_DW)
		return dec_lddw(d, r, o);
	if ((mode != M_ABS && mode != M_IND) || SIZE(r->code) == S_DW)
		return unknown(d, pc, r->code);
	o->size = size_bytes(SIZE(r->code));
	if (mode == M_ABS) {
		o->kind = INSN_LD_ABS;
		what = "ld_abs";
		if (need_zero(d, pc, "src", r->src, what))
			return -1;
	} else {
		o->kind = INSN_LD_IND;
		o->src_reg = true;
		what = "ld_ind";
	}
	if (need_zero(d, pc, "dst", r->dst, what) || need_zero(d, pc, "off", r->off, what))
		return -1;
	return mode == M_IND ? need_reg(d, pc, "src", r->src) : 0;
}

static const char *atomic_name(int32_t imm)
{
	switch (imm & ~ATOMIC_FETCH) {
	case INSN_ATOMIC_ADD:
		return "add";
	case INSN_ATOMIC_OR:
		return "or";
	case INSN_ATOMIC_AND:
		return "and";
	case INSN_ATOMIC_XOR:
		return "xor";
	case INSN_ATOMIC_XCHG:
		return "xchg";
	case INSN_ATOMIC_CMPXCHG:
		return "cmpxchg";
	default:
		return NULL;
	}
}

static int dec_atomic(const struct dec *d, const struct raw_insn *r, struct insn *o)
{
	uint32_t pc = o->pc;
	uint8_t sz = SIZE(r->code);

	o->kind = INSN_ATOMIC;
	o->size = size_bytes(sz);
	if (r->imm == INSN_ATOMIC_LOAD_ACQ || r->imm == INSN_ATOMIC_STORE_REL) {
		/* Linux extension: every size */
		o->atomic = (uint32_t)r->imm;
	} else {
		bool fetch = (r->imm & ATOMIC_FETCH) != 0;
		const char *name = r->imm >= 0 && r->imm <= 0xff ? atomic_name(r->imm) : NULL;

		if (!name)
			return fail(d, pc, "invalid atomic operation imm 0x%" PRIx32,
				    (uint32_t)r->imm);
		o->atomic = (uint32_t)r->imm & ~(uint32_t)ATOMIC_FETCH;
		if ((o->atomic == INSN_ATOMIC_XCHG || o->atomic == INSN_ATOMIC_CMPXCHG) && !fetch)
			return fail(d, pc,
				    "invalid atomic operation imm 0x%" PRIx32
				    " (%s needs the fetch flag 0x1)",
				    (uint32_t)r->imm, name);
		o->fetch = fetch;
		if (sz != S_W && sz != S_DW)
			return fail(d, pc, "invalid size %s for atomic %s (must be w or dw)",
				    size_name(sz), name);
	}
	if (need_reg(d, pc, "dst", r->dst) || need_reg(d, pc, "src", r->src))
		return -1;
	return 0;
}

static int dec_mem(const struct dec *d, const struct raw_insn *r, struct insn *o)
{
	uint32_t pc = o->pc;
	uint8_t cls = CLS(r->code);
	uint8_t mode = MODE(r->code);
	uint8_t sz = SIZE(r->code);

	o->size = size_bytes(sz);
	switch (cls) {
	case C_LDX:
		if (mode == M_MEMSX && sz != S_DW)
			o->sx = true;
		else if (mode != M_MEM)
			return unknown(d, pc, r->code);
		o->kind = INSN_LDX;
		if (need_zero(d, pc, "imm", r->imm, o->sx ? "ldx memsx" : "ldx"))
			return -1;
		break;
	case C_ST:
		if (mode != M_MEM)
			return unknown(d, pc, r->code);
		o->kind = INSN_ST;
		if (need_zero(d, pc, "src", r->src, "st"))
			return -1;
		return need_reg(d, pc, "dst", r->dst);
	default: /* C_STX */
		if (mode == M_ATOMIC)
			return dec_atomic(d, r, o);
		if (mode != M_MEM)
			return unknown(d, pc, r->code);
		o->kind = INSN_STX;
		if (need_zero(d, pc, "imm", r->imm, "stx"))
			return -1;
		break;
	}
	if (need_reg(d, pc, "dst", r->dst) || need_reg(d, pc, "src", r->src))
		return -1;
	return 0;
}

static int decode(const struct dec *d, uint32_t pc, struct insn *o)
{
	const struct raw_insn *r = &d->raw[pc];
	bool hi = slot_is_hi(d, pc); /* before the memset: @o may be the mark itself */

	memset(o, 0, sizeof(*o));
	o->pc = pc;
	o->code = r->code;
	o->dst = r->dst;
	o->src = r->src;
	o->off = r->off;
	o->imm = r->imm;
	if (hi) {
		/* checked by the first slot; checked again for insn_decode_one() */
		o->kind = INSN_LDDW_HI;
		return d->marks ? 0 : check_hi(d, pc - 1);
	}
	o->kind = INSN_ALU;
	switch (CLS(r->code)) {
	case C_ALU:
	case C_ALU64:
		return dec_alu(d, r, o);
	case C_JMP:
	case C_JMP32:
		return dec_jmp(d, r, o);
	case C_LD:
		return dec_ld(d, r, o);
	default:
		return dec_mem(d, r, o);
	}
}

int insn_decode_one(const struct raw_insn *raw, size_t cnt, uint32_t pc, struct insn *out,
		    struct insn_err *err)
{
	struct dec d = { .raw = raw, .cnt = cnt, .marks = NULL, .err = err };

	if (pc >= cnt)
		return fail(&d, pc,
			    "instruction %" PRIu32
			    " is past the end (program has %zu instructions)",
			    pc, cnt);
	return decode(&d, pc, out);
}

int insn_decode_one_unchecked(const struct raw_insn *raw, size_t cnt, uint32_t pc, struct insn *out,
			      struct insn_err *err)
{
	struct dec d = { .raw = raw, .cnt = cnt, .marks = NULL, .lenient = true, .err = err };

	if (pc >= cnt)
		return fail(&d, pc,
			    "instruction %" PRIu32
			    " is past the end (program has %zu instructions)",
			    pc, cnt);
	return decode(&d, pc, out);
}

static bool falls_through(const struct insn *in)
{
	return in->kind != INSN_EXIT && in->kind != INSN_JA;
}

int insn_decode_all(const struct raw_insn *raw, size_t cnt, struct insn *out, struct insn_err *err)
{
	struct dec d = { .raw = raw, .cnt = cnt, .marks = out, .err = err };
	uint32_t last = 0;

	if (cnt == 0)
		return fail(&d, 0, "program has no instructions");
	if (cnt > UINT32_MAX)
		return fail(&d, 0, "program has too many instructions (%zu)", cnt);
	/* Mark second slots first so that backward and forward targets are judged alike */
	for (size_t pc = 0; pc < cnt; pc++) {
		out[pc].kind = INSN_KIND_CNT;
		if (raw[pc].code == LDDW_CODE && pc + 1 < cnt)
			out[++pc].kind = INSN_LDDW_HI;
	}
	for (uint32_t pc = 0; pc < cnt; pc++) {
		if (decode(&d, pc, &out[pc]))
			return -1;
		if (out[pc].kind != INSN_LDDW_HI)
			last = pc;
	}
	if (falls_through(&out[last]))
		return fail(&d, last, "program falls off its end after instruction %" PRIu32, last);
	return 0;
}

static const char *const alu_sym[] = {
	[INSN_ALU_ADD] = "+=",	 [INSN_ALU_SUB] = "-=",	   [INSN_ALU_MUL] = "*=",
	[INSN_ALU_DIV] = "/=",	 [INSN_ALU_OR] = "|=",	   [INSN_ALU_AND] = "&=",
	[INSN_ALU_LSH] = "<<=",	 [INSN_ALU_RSH] = ">>=",   [INSN_ALU_MOD] = "%=",
	[INSN_ALU_XOR] = "^=",	 [INSN_ALU_ARSH] = "s>>=", [INSN_ALU_SDIV] = "s/=",
	[INSN_ALU_SMOD] = "s%=",
};

static const char *const jmp_sym[] = {
	[INSN_JEQ] = "==", [INSN_JGT] = ">",   [INSN_JGE] = ">=",   [INSN_JSET] = "&",
	[INSN_JNE] = "!=", [INSN_JSGT] = "s>", [INSN_JSGE] = "s>=", [INSN_JLT] = "<",
	[INSN_JLE] = "<=", [INSN_JSLT] = "s<", [INSN_JSLE] = "s<=",
};

static const char *const atomic_sym[] = {
	[INSN_ATOMIC_ADD >> 4] = "+",
	[INSN_ATOMIC_OR >> 4] = "|",
	[INSN_ATOMIC_AND >> 4] = "&",
	[INSN_ATOMIC_XOR >> 4] = "^",
};

/* "r1 + 4" / "r10 - 8" as LLVM prints an address */
static void mem_expr(char *buf, size_t size, unsigned reg, int16_t off)
{
	if (off < 0)
		snprintf(buf, size, "r%u - %d", reg, -(int)off);
	else
		snprintf(buf, size, "r%u + %d", reg, off);
}

/* "(r1 + 4)" */
static void mem_operand(char *buf, size_t size, unsigned reg, int16_t off)
{
	char e[24];

	mem_expr(e, sizeof(e), reg, off);
	snprintf(buf, size, "(%s)", e);
}

static int print_atomic(char *buf, size_t size, const struct insn *in, const char *addr)
{
	unsigned bits = in->size * 8u;
	char w = in->size == 8 ? 'r' : 'w';
	char e[24];

	switch (in->atomic) {
	case INSN_ATOMIC_LOAD_ACQ:
		return snprintf(buf, size, "%c%u = load_acquire((u%u *)%s)", w, in->dst, bits,
				addr);
	case INSN_ATOMIC_STORE_REL:
		return snprintf(buf, size, "store_release((u%u *)%s, %c%u)", bits, addr, w,
				in->src);
	case INSN_ATOMIC_XCHG:
		mem_expr(e, sizeof(e), in->dst, in->off);
		return snprintf(buf, size, "%c%u = xchg%s_%u(%s, %c%u)", w, in->src,
				in->size == 8 ? "" : "32", bits, e, w, in->src);
	case INSN_ATOMIC_CMPXCHG:
		mem_expr(e, sizeof(e), in->dst, in->off);
		return snprintf(buf, size, "%c0 = cmpxchg%s_%u(%s, %c0, %c%u)", w,
				in->size == 8 ? "" : "32", bits, e, w, w, in->src);
	default:
		break;
	}
	if (in->fetch)
		return snprintf(buf, size, "%c%u = atomic_fetch_%s((u%u *)%s, %c%u)", w, in->src,
				atomic_name((int32_t)in->atomic), bits, addr, w, in->src);
	/* LLVM 14 without alu32 prints only the 32-bit add, with an r register */
	if (in->atomic == INSN_ATOMIC_ADD)
		w = 'r';
	return snprintf(buf, size, "lock *(u%u *)%s %s= %c%u", bits, addr,
			atomic_sym[in->atomic >> 4], w, in->src);
}

int insn_snprint(char *buf, size_t size, const struct insn *in)
{
	char addr[32];
	char d = in->is64 ? 'r' : 'w';
	unsigned bits = in->size * 8u;

	switch (in->kind) {
	case INSN_ALU:
		if (in->alu == INSN_ALU_NEG)
			return snprintf(buf, size, "%c%u = -%c%u", d, in->dst, d, in->dst);
		if (in->alu == INSN_ALU_MOVSX)
			return snprintf(buf, size, "%c%u = (s%u)%c%u", d, in->dst, in->ext_bits, d,
					in->src);
		if (in->alu == INSN_ALU_MOV)
			return in->src_reg
				       ? snprintf(buf, size, "%c%u = %c%u", d, in->dst, d, in->src)
				       : snprintf(buf, size, "%c%u = %" PRId32, d, in->dst,
						  in->imm);
		if (in->src_reg)
			return snprintf(buf, size, "%c%u %s %c%u", d, in->dst, alu_sym[in->alu], d,
					in->src);
		return snprintf(buf, size, "%c%u %s %" PRId32, d, in->dst, alu_sym[in->alu],
				in->imm);
	case INSN_END:
		return snprintf(buf, size, "r%u = %s%u r%u", in->dst,
				in->is64    ? "bswap"
				: in->to_be ? "be"
					    : "le",
				in->ext_bits, in->dst);
	case INSN_JA:
		if (in->is64)
			return snprintf(buf, size, "goto %+d", in->off);
		return snprintf(buf, size, "gotol %+" PRId32, in->imm);
	case INSN_JCOND:
		if (in->src_reg)
			return snprintf(buf, size, "if %c%u %s %c%u goto %+d", d, in->dst,
					jmp_sym[in->jmp], d, in->src, in->off);
		return snprintf(buf, size, "if %c%u %s %" PRId32 " goto %+d", d, in->dst,
				jmp_sym[in->jmp], in->imm, in->off);
	case INSN_MAY_GOTO:
		return snprintf(buf, size, "may_goto %+d", in->off);
	case INSN_CALL:
		return snprintf(buf, size, "call %" PRId32, in->imm);
	case INSN_CALLX:
		return snprintf(buf, size, "callx r%u", in->dst);
	case INSN_EXIT:
		return snprintf(buf, size, "exit");
	case INSN_LDDW:
		if (in->src == INSN_LDDW_IMM)
			return snprintf(buf, size, "r%u = %" PRId64 " ll", in->dst,
					(int64_t)in->imm64);
		return snprintf(buf, size, "ld_pseudo\tr%u, %u, %" PRIu32, in->dst, in->src,
				(uint32_t)in->imm);
	case INSN_LDDW_HI:
		/* llvm-objdump prints no line for the second slot */
		if (size > 0)
			buf[0] = '\0';
		return 0;
	case INSN_LDX:
		mem_operand(addr, sizeof(addr), in->src, in->off);
		return snprintf(buf, size, "r%u = *(%c%u *)%s", in->dst, in->sx ? 's' : 'u', bits,
				addr);
	case INSN_ST:
		mem_operand(addr, sizeof(addr), in->dst, in->off);
		return snprintf(buf, size, "*(u%u *)%s = %" PRId32, bits, addr, in->imm);
	case INSN_STX:
		mem_operand(addr, sizeof(addr), in->dst, in->off);
		return snprintf(buf, size, "*(u%u *)%s = r%u", bits, addr, in->src);
	case INSN_ATOMIC:
		/* load-acquire reads from src + off; every other atomic works on dst + off */
		mem_operand(addr, sizeof(addr),
			    in->atomic == INSN_ATOMIC_LOAD_ACQ ? in->src : in->dst, in->off);
		return print_atomic(buf, size, in, addr);
	case INSN_LD_ABS:
		return snprintf(buf, size, "r0 = *(u%u *)skb[%" PRId32 "]", bits, in->imm);
	case INSN_LD_IND:
		if (in->imm == 0)
			return snprintf(buf, size, "r0 = *(u%u *)skb[r%u]", bits, in->src);
		return snprintf(buf, size, "r0 = *(u%u *)skb[r%u %c %" PRId64 "]", bits, in->src,
				in->imm < 0 ? '-' : '+',
				in->imm < 0 ? -(int64_t)in->imm : (int64_t)in->imm);
	case INSN_KIND_CNT:
		break;
	}
	return snprintf(buf, size, "<invalid instruction kind %d>", (int)in->kind);
}

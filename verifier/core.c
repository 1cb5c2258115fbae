// SPDX-License-Identifier: MIT
/*
 * core: CO-RE relocation of an eBPF program against a target BTF, following
 * the algorithm of libbpf 1.x (tools/lib/bpf/relo_core.c and the candidate
 * search of libbpf.c). One relocation goes:
 *
 *   1. parse the access string into a "spec": the raw indices, the high-level
 *      accessors (named fields and array indices; anonymous struct/union
 *      members are stepped through without an accessor) and the bit offset;
 *   2. find the candidates: target types of the same kind (enum and enum64
 *      mix) whose essential name (without a "___flavour" suffix) equals the
 *      local one's;
 *   3. match the local spec against each candidate (fields by name, searching
 *      anonymous members; arrays within bounds; compatible field types);
 *   4. compute the local ("original") and target ("new") values; all
 *      matching candidates must agree; none matching means 0 for the
 *      existence kinds and a poisoned instruction for the others;
 *   5. check that the instruction holds the original value and patch it.
 *
 * Everything recursive is bounded (depth limits and a step budget) because
 * type graphs of hostile input may contain cycles.
 */
#include "core.h"

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CORE_SPEC_MAX 64 /* libbpf's BPF_CORE_SPEC_MAX_LEN */
#define CORE_DEPTH_MAX 32 /* libbpf's limit for compat/match recursion */
#define CORE_MOD_DEPTH 32 /* longest chain of typedefs/modifiers followed */
#define CORE_STEP_BUDGET (1u << 25) /* member visits per core_apply() call */
#define BTF_TYPE_BYTES 12
#define BTF_INT_SIGNED_ENC 1

/* One high-level accessor: a named field of a struct/union, or an array index */
struct acc {
	uint32_t type_id; /* struct/union for a field; element type for an index */
	uint32_t idx; /* member index or array index */
	const char *name; /* field name, or NULL for an index */
};

/* Parsed access of one relocation, in the local or a target BTF */
struct spec {
	const struct btf *btf;
	uint32_t root_id; /* relocation (local) or candidate (target) type id */
	uint32_t kind;
	struct acc acc[CORE_SPEC_MAX];
	int len;
	uint32_t raw[CORE_SPEC_MAX]; /* every step, anonymous members included */
	int raw_len;
	uint64_t bit_off; /* kept below 2^32 as in libbpf's u32 */
};

/* Result of one relocation: what the instruction holds and what it gets */
struct res {
	uint64_t orig_val, new_val;
	bool poison;
	bool validate; /* check the instruction holds orig_val */
	bool fail_memsz; /* load/store size would change for a type where that is wrong */
	uint32_t orig_sz, new_sz; /* field sizes for load/store size adjustment; 0: none */
	uint32_t orig_type, new_type;
};

/* Candidate target types of one local type, shrunk as relocations match */
struct cands {
	uint32_t *ids;
	size_t len;
	bool done;
};

struct ctx {
	const struct btf *local, *targ;
	bool self; /* @targ is @local: only the local type itself is a candidate */
	uint64_t steps; /* left of CORE_STEP_BUDGET */
	struct cands *cache; /* indexed by local type id */
	char *err;
	size_t err_size;
	size_t relo; /* index of the relocation being applied */
	uint32_t pc;
};

/* Internal results besides 0 */
enum { R_ERR = -1, R_POISON = 1 };

static void errf(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void errf(struct ctx *c, const char *fmt, ...)
{
	va_list ap;
	int len;

	if (!c->err || !c->err_size)
		return;
	len = snprintf(c->err, c->err_size, "core relocation %zu at pc %u: ", c->relo, c->pc);
	if (len < 0 || (size_t)len >= c->err_size)
		return;
	va_start(ap, fmt);
	vsnprintf(c->err + len, c->err_size - (size_t)len, fmt, ap);
	va_end(ap);
}

/* One more unit of work; false (with @err) once the budget is spent */
static bool step(struct ctx *c)
{
	if (c->steps == 0) {
		errf(c, "type graph too complex (step budget spent)");
		return false;
	}
	c->steps--;
	return true;
}

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

/* Type @id with void (0) as a type of kind UNKN, as libbpf's btf__type_by_id() */
static bool type_at(const struct btf *b, uint32_t id, struct btf_type *t)
{
	if (id == 0) {
		memset(t, 0, sizeof(*t));
		return true;
	}
	return btf_type_get(b, id, t);
}

static uint32_t kind_of(const struct btf_type *t)
{
	return btf_kind_of(t);
}

static bool kflag_of(const struct btf_type *t)
{
	return (t->info >> 31) & 1;
}

/* Words after the fixed part of type @id (btf_parse checked they are inside) */
static const uint8_t *extra_of(const struct btf *b, uint32_t id)
{
	return b->raw + b->types_off + b->offs[id] + BTF_TYPE_BYTES;
}

static const char *str_of(const struct btf *b, uint32_t off)
{
	const char *s = btf_str(b, off);

	return s ? s : "";
}

static bool is_composite(uint32_t kind)
{
	return kind == BTF_K_STRUCT || kind == BTF_K_UNION;
}

static bool is_any_enum(uint32_t kind)
{
	return kind == BTF_K_ENUM || kind == BTF_K_ENUM64;
}

static bool kind_compat(const struct btf_type *a, const struct btf_type *b)
{
	return kind_of(a) == kind_of(b) || (is_any_enum(kind_of(a)) && is_any_enum(kind_of(b)));
}

static bool is_mod(uint32_t kind)
{
	return kind == BTF_K_TYPEDEF || kind == BTF_K_CONST || kind == BTF_K_VOLATILE ||
	       kind == BTF_K_RESTRICT || kind == BTF_K_TYPE_TAG;
}

/* Follow typedefs and modifiers from @id; false on a cycle or a bad id */
static bool skip_mods(const struct btf *b, uint32_t id, uint32_t *out, struct btf_type *t)
{
	for (int depth = 0; depth < CORE_MOD_DEPTH; depth++) {
		if (!type_at(b, id, t))
			return false;
		if (!is_mod(kind_of(t))) {
			*out = id;
			return true;
		}
		id = t->size_type;
	}
	return false;
}

/* A member of STRUCT/UNION @id, with the bitfield size of kind_flag encodings */
struct mem {
	uint32_t name_off, type, bit_off, bit_sz;
};

static bool member_at(const struct btf *b, uint32_t id, uint32_t i, struct mem *m)
{
	struct btf_type t;
	const uint8_t *p;
	uint32_t off;

	if (!btf_type_get(b, id, &t) || !is_composite(kind_of(&t)) || i >= btf_vlen_of(&t))
		return false;
	p = extra_of(b, id) + (size_t)i * 12;
	m->name_off = rd32(p);
	m->type = rd32(p + 4);
	off = rd32(p + 8);
	if (kflag_of(&t)) {
		m->bit_off = off & 0xffffff;
		m->bit_sz = off >> 24;
	} else {
		m->bit_off = off;
		m->bit_sz = 0;
	}
	return true;
}

/* Enumerator @i of ENUM/ENUM64 @id. A 32-bit value is sign-extended, as libbpf reads it. */
static bool enumerator_at(const struct btf *b, uint32_t id, uint32_t i, uint32_t *name_off,
			  uint64_t *val)
{
	struct btf_type t;
	const uint8_t *p;

	if (!btf_type_get(b, id, &t) || i >= btf_vlen_of(&t))
		return false;
	if (kind_of(&t) == BTF_K_ENUM) {
		p = extra_of(b, id) + (size_t)i * 8;
		*name_off = rd32(p);
		*val = (uint64_t)(int64_t)(int32_t)rd32(p + 4);
		return true;
	}
	if (kind_of(&t) == BTF_K_ENUM64) {
		p = extra_of(b, id) + (size_t)i * 12;
		*name_off = rd32(p);
		*val = (uint64_t)rd32(p + 4) | (uint64_t)rd32(p + 8) << 32;
		return true;
	}
	return false;
}

/* INT @id: encoding (BTF_INT_SIGNED = 1, ...) and bit offset of the old bitfield encoding */
static uint32_t int_word(const struct btf *b, uint32_t id)
{
	return rd32(extra_of(b, id));
}

static uint32_t int_encoding(const struct btf *b, uint32_t id)
{
	return (int_word(b, id) >> 24) & 0x0f;
}

static uint32_t int_offset(const struct btf *b, uint32_t id)
{
	return (int_word(b, id) >> 16) & 0xff;
}

/* Size of @id as libbpf's btf__resolve_size(); false if it has none */
static bool size_of(const struct btf *b, uint32_t id, uint32_t *sz)
{
	return btf_size_of(b, id, sz) == 0;
}

/* Length of @name without its flavour: "foo___v2" -> 3; the last "X___Y" wins */
static size_t essential_len(const char *name)
{
	ptrdiff_t n = (ptrdiff_t)strlen(name);

	for (ptrdiff_t i = n - 5; i >= 0; i--) {
		const char *s = name + i;

		if (s[0] != '_' && s[1] == '_' && s[2] == '_' && s[3] == '_' && s[4] != '_')
			return (size_t)i + 1;
	}
	return (size_t)n;
}

static bool ess_equal(const char *a, const char *b)
{
	size_t la = essential_len(a), lb = essential_len(b);

	return la == lb && strncmp(a, b, la) == 0;
}

static bool is_field_kind(uint32_t k)
{
	return k <= CORE_FIELD_RSHIFT_U64;
}

static bool is_type_kind(uint32_t k)
{
	return k == CORE_TYPE_ID_LOCAL || k == CORE_TYPE_ID_TARGET || k == CORE_TYPE_EXISTS ||
	       k == CORE_TYPE_SIZE || k == CORE_TYPE_MATCHES;
}

static bool is_enumval_kind(uint32_t k)
{
	return k == CORE_ENUMVAL_EXISTS || k == CORE_ENUMVAL_VALUE;
}

static const char *kind_word(uint32_t btf_kind)
{
	static const char *const words[] = {
		[BTF_K_UNKN] = "void",	       [BTF_K_INT] = "int",
		[BTF_K_PTR] = "pointer",       [BTF_K_ARRAY] = "array",
		[BTF_K_STRUCT] = "struct",     [BTF_K_UNION] = "union",
		[BTF_K_ENUM] = "enum",	       [BTF_K_FWD] = "forward declaration",
		[BTF_K_TYPEDEF] = "typedef",   [BTF_K_VOLATILE] = "volatile",
		[BTF_K_CONST] = "const",       [BTF_K_RESTRICT] = "restrict",
		[BTF_K_FUNC] = "func",	       [BTF_K_FUNC_PROTO] = "func proto",
		[BTF_K_VAR] = "var",	       [BTF_K_DATASEC] = "datasec",
		[BTF_K_FLOAT] = "float",       [BTF_K_DECL_TAG] = "decl tag",
		[BTF_K_TYPE_TAG] = "type tag", [BTF_K_ENUM64] = "enum",
	};

	return btf_kind < sizeof(words) / sizeof(words[0]) ? words[btf_kind] : "type";
}

static const char *relo_word(uint32_t k)
{
	static const char *const words[] = {
		[CORE_FIELD_BYTE_OFFSET] = "field offset",
		[CORE_FIELD_BYTE_SIZE] = "field size",
		[CORE_FIELD_EXISTS] = "field existence",
		[CORE_FIELD_SIGNED] = "field signedness",
		[CORE_FIELD_LSHIFT_U64] = "field left shift",
		[CORE_FIELD_RSHIFT_U64] = "field right shift",
		[CORE_TYPE_ID_LOCAL] = "local type id",
		[CORE_TYPE_ID_TARGET] = "target type id",
		[CORE_TYPE_EXISTS] = "type existence",
		[CORE_TYPE_SIZE] = "type size",
		[CORE_ENUMVAL_EXISTS] = "enum value existence",
		[CORE_ENUMVAL_VALUE] = "enum value",
		[CORE_TYPE_MATCHES] = "type match",
	};

	return k < sizeof(words) / sizeof(words[0]) ? words[k] : "unknown relocation";
}

/*
 * Parse @access ("0:1:2") into @raw; only decimal indices below 2^31 joined by single
 * colons (libbpf reads them with sscanf("%d"), so negative or overflowing indices there
 * are undefined). -1 if malformed, -2 if longer than CORE_SPEC_MAX.
 */
static int parse_access(const char *access, uint32_t *raw, int *raw_len)
{
	const char *s = access;

	*raw_len = 0;
	if (!s || !*s)
		return -1;
	for (;;) {
		uint64_t v = 0;

		if (*s < '0' || *s > '9')
			return -1;
		while (*s >= '0' && *s <= '9') {
			v = v * 10 + (uint64_t)(*s - '0');
			if (v > INT32_MAX)
				return -1;
			s++;
		}
		if (*raw_len == CORE_SPEC_MAX)
			return -2;
		raw[(*raw_len)++] = (uint32_t)v;
		if (!*s)
			return 0;
		if (*s != ':')
			return -1;
		s++;
	}
}

/* Add @idx * @sz bytes to @sp's bit offset; false if it leaves 32 bits */
static bool add_bits(struct spec *sp, uint64_t idx, uint64_t sz)
{
	uint64_t bits = idx * sz * 8; /* idx < 2^31, sz < 2^32: no 64-bit overflow */

	if (bits > UINT32_MAX || sp->bit_off + bits > UINT32_MAX)
		return false;
	sp->bit_off += bits;
	return true;
}

/* libbpf's is_flex_arr(): a zero-length array as the last member named by @a */
static bool is_flex(const struct btf *b, const struct acc *a, uint32_t nelems)
{
	struct btf_type t;

	if (!a->name || nelems > 0 || !btf_type_get(b, a->type_id, &t))
		return false;
	return a->idx == btf_vlen_of(&t) - 1;
}

/* Parse the local spec of relocation @rc (libbpf's bpf_core_parse_spec) */
static int parse_spec(struct ctx *c, const struct obj_core *rc, struct spec *sp)
{
	const struct btf *b = c->local;
	struct btf_type t;
	uint32_t id, sz;
	int rc_parse;

	memset(sp, 0, sizeof(*sp));
	sp->btf = b;
	sp->root_id = rc->type_id;
	sp->kind = rc->kind;
	if (!is_field_kind(rc->kind) && !is_type_kind(rc->kind) && !is_enumval_kind(rc->kind)) {
		errf(c, "unknown relocation kind %u", rc->kind);
		return R_ERR;
	}
	if (is_type_kind(rc->kind)) {
		if (!rc->access || strcmp(rc->access, "0") != 0) {
			errf(c, "%s relocation has access string \"%s\", not \"0\"",
			     relo_word(rc->kind), rc->access ? rc->access : "");
			return R_ERR;
		}
		return 0;
	}
	rc_parse = parse_access(rc->access, sp->raw, &sp->raw_len);
	if (rc_parse) {
		errf(c, "bad access string \"%.40s\"%s", rc->access ? rc->access : "",
		     rc_parse == -2 ? " (more than 64 steps)" : "");
		return R_ERR;
	}
	if (!skip_mods(b, rc->type_id, &id, &t)) {
		errf(c, "type %u ends in a typedef or modifier cycle", rc->type_id);
		return R_ERR;
	}
	sp->acc[0].type_id = id;
	sp->acc[0].idx = sp->raw[0];
	sp->len = 1;

	if (is_enumval_kind(rc->kind)) {
		uint32_t name_off;
		uint64_t val;

		if (!is_any_enum(kind_of(&t)) || sp->raw_len > 1 ||
		    !enumerator_at(b, id, sp->raw[0], &name_off, &val)) {
			errf(c, "access string \"%.40s\" does not name an enumerator of type %u",
			     rc->access, rc->type_id);
			return R_ERR;
		}
		sp->acc[0].name = str_of(b, name_off);
		return 0;
	}

	if (!size_of(b, id, &sz)) {
		errf(c, "type %u has no size", rc->type_id);
		return R_ERR;
	}
	if (!add_bits(sp, sp->raw[0], sz)) {
		errf(c, "access string \"%.40s\" overflows the 32-bit bit offset", rc->access);
		return R_ERR;
	}
	for (int i = 1; i < sp->raw_len; i++) {
		uint32_t idx = sp->raw[i];

		if (!skip_mods(b, id, &id, &t)) {
			errf(c, "type %u ends in a typedef or modifier cycle", id);
			return R_ERR;
		}
		if (is_composite(kind_of(&t))) {
			struct mem m;

			if (!member_at(b, id, idx, &m)) {
				errf(c,
				     "access string \"%.40s\": index %u past the %u members of type %u",
				     rc->access, idx, btf_vlen_of(&t), id);
				return R_ERR;
			}
			sp->bit_off += m.bit_off; /* < 2^32 + 2^24: checked below */
			if (sp->bit_off > UINT32_MAX) {
				errf(c, "access string \"%.40s\" overflows the 32-bit bit offset",
				     rc->access);
				return R_ERR;
			}
			if (m.name_off) {
				const char *name = str_of(b, m.name_off);

				if (!*name) {
					errf(c, "member %u of type %u has an empty name", idx, id);
					return R_ERR;
				}
				sp->acc[sp->len].type_id = id;
				sp->acc[sp->len].idx = idx;
				sp->acc[sp->len].name = name;
				sp->len++;
			}
			id = m.type;
		} else if (kind_of(&t) == BTF_K_ARRAY) {
			uint32_t elem, nelems;
			struct btf_type et;

			btf_array_get(b, id, &elem, &nelems);
			if (!skip_mods(b, elem, &elem, &et)) {
				errf(c, "array type %u has a cyclic element type", id);
				return R_ERR;
			}
			if (!is_flex(b, &sp->acc[sp->len - 1], nelems) && idx >= nelems) {
				errf(c,
				     "access string \"%.40s\": index %u past the %u elements of array type %u",
				     rc->access, idx, nelems, id);
				return R_ERR;
			}
			sp->acc[sp->len].type_id = elem;
			sp->acc[sp->len].idx = idx;
			sp->acc[sp->len].name = NULL;
			sp->len++;
			if (!size_of(b, elem, &sz)) {
				errf(c, "array element type %u has no size", elem);
				return R_ERR;
			}
			if (!add_bits(sp, idx, sz)) {
				errf(c, "access string \"%.40s\" overflows the 32-bit bit offset",
				     rc->access);
				return R_ERR;
			}
			id = elem;
		} else {
			errf(c, "access string \"%.40s\" steps into type %u, a %s", rc->access, id,
			     kind_word(kind_of(&t)));
			return R_ERR;
		}
	}
	return 0;
}

/*
 * Types of a local and a target field compatible for a field relocation (libbpf's
 * bpf_core_fields_are_compat): any two structs/unions; pointers; floats; enums and
 * forward declarations of the same essential name (or one anonymous); ints (not the
 * old bitfield encoding); arrays of compatible elements. 1, 0, or R_ERR.
 */
static int fields_compat(struct ctx *c, uint32_t lid, uint32_t tid)
{
	for (int depth = 0; depth < CORE_DEPTH_MAX; depth++) {
		struct btf_type lt, tt;
		const char *ln, *tn;
		uint32_t elem, n;

		if (!skip_mods(c->local, lid, &lid, &lt) || !skip_mods(c->targ, tid, &tid, &tt)) {
			errf(c, "typedef or modifier cycle in field types %u/%u", lid, tid);
			return R_ERR;
		}
		if (is_composite(kind_of(&lt)) && is_composite(kind_of(&tt)))
			return 1;
		if (!kind_compat(&lt, &tt))
			return 0;
		switch (kind_of(&lt)) {
		case BTF_K_PTR:
		case BTF_K_FLOAT:
			return 1;
		case BTF_K_FWD:
		case BTF_K_ENUM:
		case BTF_K_ENUM64:
			ln = str_of(c->local, lt.name_off);
			tn = str_of(c->targ, tt.name_off);
			return !*ln || !*tn || ess_equal(ln, tn);
		case BTF_K_INT:
			return int_offset(c->local, lid) == 0 && int_offset(c->targ, tid) == 0;
		case BTF_K_ARRAY:
			btf_array_get(c->local, lid, &lid, &n);
			btf_array_get(c->targ, tid, &tid, &elem);
			continue;
		default:
			return 0;
		}
	}
	errf(c, "array field types nested deeper than %d", CORE_DEPTH_MAX);
	return R_ERR;
}

/*
 * Find the member named as local accessor @la in target composite @tid, searching
 * anonymous members depth first (libbpf's bpf_core_match_member). On a match, pushes
 * the raw steps and the accessor onto @ts, adds the bit offset and sets *@next to the
 * member type. 1 found and compatible, 0 not found or incompatible, R_ERR.
 */
static int match_member(struct ctx *c, const struct acc *la, uint32_t tid, struct spec *ts,
			uint32_t *next)
{
	struct btf_type tt;
	struct mem lm;
	const char *lname;
	uint32_t vlen;

	if (!skip_mods(c->targ, tid, &tid, &tt)) {
		errf(c, "typedef or modifier cycle at target type %u", tid);
		return R_ERR;
	}
	if (!is_composite(kind_of(&tt)))
		return 0;
	member_at(c->local, la->type_id, la->idx, &lm);
	lname = str_of(c->local, lm.name_off);
	vlen = btf_vlen_of(&tt);
	for (uint32_t i = 0; i < vlen; i++) {
		struct mem m;
		const char *tname;
		uint64_t saved_bits = ts->bit_off;
		int saved_raw = ts->raw_len, saved_len = ts->len, found;

		if (!step(c))
			return R_ERR;
		member_at(c->targ, tid, i, &m);
		if (ts->raw_len == CORE_SPEC_MAX) {
			errf(c, "target type %u nests deeper than %d steps", tid, CORE_SPEC_MAX);
			return R_ERR;
		}
		ts->bit_off += m.bit_off;
		if (ts->bit_off > UINT32_MAX) {
			errf(c, "target type %u: offset overflows 32 bits", tid);
			return R_ERR;
		}
		ts->raw[ts->raw_len++] = i;
		tname = str_of(c->targ, m.name_off);
		if (!*tname) {
			/* anonymous struct/union member: the field may be inside */
			found = match_member(c, la, m.type, ts, next);
			if (found)
				return found;
		} else if (strcmp(lname, tname) == 0) {
			struct acc *ta = &ts->acc[ts->len++];

			ta->type_id = tid;
			ta->idx = i;
			ta->name = tname;
			*next = m.type;
			found = fields_compat(c, lm.type, m.type);
			if (found <= 0)
				ts->len--;
			return found;
		}
		/* not this member; also undo what a failed anonymous search left */
		ts->bit_off = saved_bits;
		ts->raw_len = saved_raw;
		ts->len = saved_len;
	}
	return 0;
}

static int types_compat_rec(struct ctx *c, uint32_t lid, uint32_t tid, int level);

/*
 * libbpf's bpf_core_types_are_compat (TYPE_EXISTS, TYPE_SIZE, TYPE_ID_TARGET): same
 * kind, then structs/unions/enums/forwards always, ints without the old bitfield
 * encoding, pointers and arrays by their targets, function prototypes by arity and
 * the types of parameters and return value. 1, 0, or R_ERR.
 */
static int types_compat_rec(struct ctx *c, uint32_t lid, uint32_t tid, int level)
{
	struct btf_type lt, tt;
	uint32_t n;

	if (!type_at(c->local, lid, &lt) || !type_at(c->targ, tid, &tt))
		return R_ERR;
	if (!kind_compat(&lt, &tt))
		return 0;
	for (int depth = 0; depth < CORE_DEPTH_MAX; depth++) {
		if (!step(c))
			return R_ERR;
		if (!skip_mods(c->local, lid, &lid, &lt) || !skip_mods(c->targ, tid, &tid, &tt)) {
			errf(c, "typedef or modifier cycle in types %u/%u", lid, tid);
			return R_ERR;
		}
		if (!kind_compat(&lt, &tt))
			return 0;
		switch (kind_of(&lt)) {
		case BTF_K_UNKN:
		case BTF_K_STRUCT:
		case BTF_K_UNION:
		case BTF_K_ENUM:
		case BTF_K_FWD:
		case BTF_K_ENUM64:
			return 1;
		case BTF_K_INT:
			return int_offset(c->local, lid) == 0 && int_offset(c->targ, tid) == 0;
		case BTF_K_PTR:
			lid = lt.size_type;
			tid = tt.size_type;
			continue;
		case BTF_K_ARRAY:
			btf_array_get(c->local, lid, &lid, &n);
			btf_array_get(c->targ, tid, &tid, &n);
			continue;
		case BTF_K_FUNC_PROTO: {
			uint32_t vlen = btf_vlen_of(&lt);

			if (vlen != btf_vlen_of(&tt))
				return 0;
			for (uint32_t i = 0; i < vlen; i++) {
				struct btf_member lp, tp;
				struct btf_type x;
				uint32_t a, b;
				int r;

				if (level <= 0) {
					errf(c, "function prototypes nested deeper than %d",
					     CORE_DEPTH_MAX);
					return R_ERR;
				}
				btf_member_get(c->local, lid, i, &lp);
				btf_member_get(c->targ, tid, i, &tp);
				if (!skip_mods(c->local, lp.type, &a, &x) ||
				    !skip_mods(c->targ, tp.type, &b, &x)) {
					errf(c, "typedef or modifier cycle in parameter types");
					return R_ERR;
				}
				r = types_compat_rec(c, a, b, level - 1);
				if (r <= 0)
					return r;
			}
			lid = lt.size_type;
			tid = tt.size_type;
			continue;
		}
		default:
			return 0;
		}
	}
	errf(c, "types %u/%u nest deeper than %d", lid, tid, CORE_DEPTH_MAX);
	return R_ERR;
}

/* Both names empty, or the same essential name (libbpf's bpf_core_names_match) */
static bool names_match(struct ctx *c, uint32_t loff, uint32_t toff)
{
	const char *ln = str_of(c->local, loff), *tn = str_of(c->targ, toff);

	if (!*tn)
		return !*ln;
	return ess_equal(ln, tn);
}

/* Every local enumerator has a target one of the same essential name; same size */
static int enums_match(struct ctx *c, uint32_t lid, const struct btf_type *lt, uint32_t tid,
		       const struct btf_type *tt)
{
	uint32_t lv = btf_vlen_of(lt), tv = btf_vlen_of(tt);

	if (lt->size_type != tt->size_type || lv > tv)
		return 0;
	for (uint32_t i = 0; i < lv; i++) {
		uint32_t loff, toff;
		uint64_t val;
		bool matched = false;

		enumerator_at(c->local, lid, i, &loff, &val);
		for (uint32_t j = 0; j < tv && !matched; j++) {
			if (!step(c))
				return R_ERR;
			enumerator_at(c->targ, tid, j, &toff, &val);
			matched = names_match(c, loff, toff);
		}
		if (!matched)
			return 0;
	}
	return 1;
}

static int types_match_rec(struct ctx *c, uint32_t lid, uint32_t tid, bool behind_ptr, int level);

/* Every local member has a target member of the same name and matching type */
static int composites_match(struct ctx *c, uint32_t lid, const struct btf_type *lt, uint32_t tid,
			    const struct btf_type *tt, bool behind_ptr, int level)
{
	uint32_t lv = btf_vlen_of(lt), tv = btf_vlen_of(tt);

	if (lv > tv)
		return 0;
	for (uint32_t i = 0; i < lv; i++) {
		struct mem lm;
		bool matched = false;

		member_at(c->local, lid, i, &lm);
		for (uint32_t j = 0; j < tv && !matched; j++) {
			struct mem tm;
			int r;

			if (!step(c))
				return R_ERR;
			member_at(c->targ, tid, j, &tm);
			if (!names_match(c, lm.name_off, tm.name_off))
				continue;
			r = types_match_rec(c, lm.type, tm.type, behind_ptr, level - 1);
			if (r < 0)
				return r;
			matched = r > 0;
		}
		if (!matched)
			return 0;
	}
	return 1;
}

/*
 * libbpf's __bpf_core_types_match (TYPE_MATCHES): modifiers and typedefs skipped,
 * names must match at every level, same kinds (a struct/union behind a pointer also
 * matches a forward declaration of the same flavour, enum matches enum64), ints of the
 * same size and signedness, enums whose local enumerators all exist in the target,
 * structs/unions whose local members all exist with matching types (only the kind
 * behind a pointer), arrays of the same length, prototypes by parameters. 1, 0, R_ERR.
 */
static int types_match_rec(struct ctx *c, uint32_t lid, uint32_t tid, bool behind_ptr, int level)
{
	if (level <= 0) {
		errf(c, "types nest deeper than %d for a type match", CORE_DEPTH_MAX);
		return R_ERR;
	}
	for (int depth = 0; depth < CORE_DEPTH_MAX; depth++) {
		struct btf_type lt, tt;
		uint32_t lk, tk;

		if (!step(c))
			return R_ERR;
		if (!skip_mods(c->local, lid, &lid, &lt) || !skip_mods(c->targ, tid, &tid, &tt)) {
			errf(c, "typedef or modifier cycle in types %u/%u", lid, tid);
			return R_ERR;
		}
		if (!names_match(c, lt.name_off, tt.name_off))
			return 0;
		lk = kind_of(&lt);
		tk = kind_of(&tt);
		switch (lk) {
		case BTF_K_UNKN:
			return lk == tk;
		case BTF_K_FWD:
			if (behind_ptr && lk != tk)
				/* a forward's kind_flag says union (1) or struct (0) */
				return (tk == BTF_K_STRUCT && !kflag_of(&lt)) ||
				       (tk == BTF_K_UNION && kflag_of(&lt));
			return lk == tk && kflag_of(&lt) == kflag_of(&tt);
		case BTF_K_ENUM:
		case BTF_K_ENUM64:
			if (!is_any_enum(tk))
				return 0;
			return enums_match(c, lid, &lt, tid, &tt);
		case BTF_K_STRUCT:
		case BTF_K_UNION:
			if (behind_ptr) {
				if (lk == tk)
					return 1;
				if (tk != BTF_K_FWD)
					return 0;
				return (lk == BTF_K_UNION) == kflag_of(&tt);
			}
			if (lk != tk)
				return 0;
			return composites_match(c, lid, &lt, tid, &tt, behind_ptr, level);
		case BTF_K_INT:
			if (lk != tk)
				return 0;
			return lt.size_type == tt.size_type &&
			       (int_encoding(c->local, lid) & BTF_INT_SIGNED_ENC) ==
				       (int_encoding(c->targ, tid) & BTF_INT_SIGNED_ENC);
		case BTF_K_PTR:
			if (lk != tk)
				return 0;
			behind_ptr = true;
			lid = lt.size_type;
			tid = tt.size_type;
			continue;
		case BTF_K_ARRAY: {
			uint32_t le, ln, te, tn;

			if (lk != tk)
				return 0;
			btf_array_get(c->local, lid, &le, &ln);
			btf_array_get(c->targ, tid, &te, &tn);
			if (ln != tn)
				return 0;
			lid = le;
			tid = te;
			continue;
		}
		case BTF_K_FUNC_PROTO: {
			uint32_t vlen = btf_vlen_of(&lt);

			if (lk != tk || vlen != btf_vlen_of(&tt))
				return 0;
			for (uint32_t i = 0; i < vlen; i++) {
				struct btf_member lp, tp;
				int r;

				btf_member_get(c->local, lid, i, &lp);
				btf_member_get(c->targ, tid, i, &tp);
				r = types_match_rec(c, lp.type, tp.type, behind_ptr, level - 1);
				if (r <= 0)
					return r;
			}
			lid = lt.size_type;
			tid = tt.size_type;
			continue;
		}
		default:
			return 0;
		}
	}
	errf(c, "types %u/%u nest deeper than %d", lid, tid, CORE_DEPTH_MAX);
	return R_ERR;
}

/*
 * Match local spec @ls against candidate @tid of the target (libbpf's
 * bpf_core_spec_match), building the target spec @ts. 1, 0, or R_ERR.
 */
static int spec_match(struct ctx *c, const struct spec *ls, uint32_t tid, struct spec *ts)
{
	struct btf_type tt;

	memset(ts, 0, sizeof(*ts));
	ts->btf = c->targ;
	ts->root_id = tid;
	ts->kind = ls->kind;

	if (is_type_kind(ls->kind)) {
		if (ls->kind == CORE_TYPE_MATCHES)
			return types_match_rec(c, ls->root_id, tid, false, CORE_DEPTH_MAX);
		return types_compat_rec(c, ls->root_id, tid, CORE_DEPTH_MAX);
	}

	if (is_enumval_kind(ls->kind)) {
		if (!skip_mods(c->targ, tid, &tid, &tt)) {
			errf(c, "typedef or modifier cycle at target type %u", tid);
			return R_ERR;
		}
		if (!is_any_enum(kind_of(&tt)))
			return 0;
		for (uint32_t i = 0; i < btf_vlen_of(&tt); i++) {
			uint32_t off;
			uint64_t val;
			const char *name;

			if (!step(c))
				return R_ERR;
			enumerator_at(c->targ, tid, i, &off, &val);
			name = str_of(c->targ, off);
			if (ess_equal(ls->acc[0].name, name)) {
				ts->acc[0].type_id = tid;
				ts->acc[0].idx = i;
				ts->acc[0].name = name;
				ts->len = 1;
				ts->raw[0] = i;
				ts->raw_len = 1;
				return 1;
			}
		}
		return 0;
	}

	for (int i = 0; i < ls->len; i++) {
		const struct acc *la = &ls->acc[i];
		struct acc *ta = &ts->acc[ts->len];
		uint32_t sz;

		if (!skip_mods(c->targ, tid, &tid, &tt)) {
			errf(c, "typedef or modifier cycle at target type %u", tid);
			return R_ERR;
		}
		if (la->name) {
			int r = match_member(c, la, tid, ts, &tid);

			if (r <= 0)
				return r;
			continue;
		}
		if (i > 0) {
			uint32_t elem, nelems;

			if (kind_of(&tt) != BTF_K_ARRAY)
				return 0;
			btf_array_get(c->targ, tid, &elem, &nelems);
			if (!is_flex(c->targ, ta - 1, nelems) && la->idx >= nelems)
				return 0;
			if (!skip_mods(c->targ, elem, &tid, &tt)) {
				errf(c, "typedef or modifier cycle at target type %u", elem);
				return R_ERR;
			}
		}
		if (ts->raw_len == CORE_SPEC_MAX) {
			errf(c, "target type nests deeper than %d steps", CORE_SPEC_MAX);
			return R_ERR;
		}
		ta->type_id = tid;
		ta->idx = la->idx;
		ta->name = NULL;
		ts->len++;
		ts->raw[ts->raw_len++] = la->idx;
		if (!size_of(c->targ, tid, &sz)) {
			errf(c, "target type %u has no size", tid);
			return R_ERR;
		}
		if (!add_bits(ts, la->idx, sz)) {
			errf(c, "target offset overflows 32 bits");
			return R_ERR;
		}
	}
	return 1;
}

/*
 * Field relocation value from spec @sp (libbpf's bpf_core_calc_field_relo). @sp NULL:
 * no target; 0 for FIELD_EXISTS, else R_POISON. *@field_sz / *@type_id: size and type of
 * the accessed field when a load/store of it may be resized (0: not resizable).
 */
static int calc_field(struct ctx *c, uint32_t kind, const struct spec *sp, uint64_t *val,
		      uint32_t *field_sz, uint32_t *type_id, bool *validate)
{
	const struct acc *a;
	struct btf_type mt;
	struct mem m;
	uint32_t byte_off, byte_sz, bit_off, bit_sz, ftype, sz;
	bool bitfield;

	*field_sz = 0;
	if (kind == CORE_FIELD_EXISTS) {
		*val = sp ? 1 : 0;
		return 0;
	}
	if (!sp)
		return R_POISON;
	a = &sp->acc[sp->len - 1];
	if (!a->name) {
		/* the access ends in an array element (or the root type itself) */
		if (kind != CORE_FIELD_BYTE_OFFSET && kind != CORE_FIELD_BYTE_SIZE) {
			errf(c, "%s relocation cannot apply to an array element", relo_word(kind));
			return R_ERR;
		}
		if (!size_of(sp->btf, a->type_id, &sz)) {
			errf(c, "type %u has no size", a->type_id);
			return R_ERR;
		}
		if (kind == CORE_FIELD_BYTE_OFFSET) {
			*val = sp->bit_off / 8;
			*field_sz = sz;
			*type_id = a->type_id;
		} else {
			*val = sz;
		}
		if (validate)
			*validate = true;
		return 0;
	}

	member_at(sp->btf, a->type_id, a->idx, &m);
	if (!skip_mods(sp->btf, m.type, &ftype, &mt)) {
		errf(c, "typedef or modifier cycle at field type %u", m.type);
		return R_ERR;
	}
	bit_off = (uint32_t)sp->bit_off;
	bit_sz = m.bit_sz;
	bitfield = bit_sz > 0;
	if (bitfield) {
		/* smallest naturally aligned load, from the field type's size up, holding it */
		byte_sz = mt.size_type;
		if (byte_sz == 0 || byte_sz > 8) {
			errf(c, "bitfield of type %u has size %u", ftype, byte_sz);
			return R_ERR;
		}
		byte_off = bit_off / 8 / byte_sz * byte_sz;
		while ((uint64_t)bit_off + bit_sz - (uint64_t)byte_off * 8 >
		       (uint64_t)byte_sz * 8) {
			if (byte_sz >= 8) {
				errf(c,
				     "bitfield at bit %u (%u bits) cannot be read with one 64-bit load",
				     bit_off, bit_sz);
				return R_ERR;
			}
			byte_sz *= 2;
			byte_off = bit_off / 8 / byte_sz * byte_sz;
		}
	} else {
		if (!size_of(sp->btf, ftype, &byte_sz)) {
			errf(c, "field type %u has no size", ftype);
			return R_ERR;
		}
		byte_off = bit_off / 8;
		bit_sz = byte_sz * 8; /* wraps for fields of 512 MiB or more, as in libbpf */
	}
	/* bitfield values may legitimately differ from the compiler's, except these */
	if (validate)
		*validate = !bitfield;

	switch (kind) {
	case CORE_FIELD_BYTE_OFFSET:
		*val = byte_off;
		if (!bitfield) {
			*field_sz = byte_sz;
			*type_id = ftype;
		}
		break;
	case CORE_FIELD_BYTE_SIZE:
		*val = byte_sz;
		break;
	case CORE_FIELD_SIGNED:
		*val = (is_any_enum(kind_of(&mt)) && kflag_of(&mt)) ||
		       (kind_of(&mt) == BTF_K_INT &&
			(int_encoding(sp->btf, ftype) & BTF_INT_SIGNED_ENC));
		if (validate)
			*validate = true;
		break;
	case CORE_FIELD_LSHIFT_U64:
		/* 32-bit arithmetic as in libbpf */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		*val = (uint32_t)((8u - byte_sz) * 8u + (bit_off - byte_off * 8u));
#else
		*val = (uint32_t)(64u - (bit_off + bit_sz - byte_off * 8u));
#endif
		break;
	case CORE_FIELD_RSHIFT_U64:
		*val = (uint32_t)(64u - bit_sz);
		if (validate)
			*validate = true;
		break;
	default:
		errf(c, "unknown field relocation kind %u", kind);
		return R_ERR;
	}
	return 0;
}

/* Type relocation value (libbpf's bpf_core_calc_type_relo); @sp NULL: no target */
static int calc_type(struct ctx *c, uint32_t kind, const struct spec *sp, uint64_t *val,
		     bool *validate)
{
	uint32_t sz;

	if (validate)
		*validate = true;
	if (!sp) {
		*val = 0;
		return 0;
	}
	switch (kind) {
	case CORE_TYPE_ID_TARGET:
		*val = sp->root_id;
		if (validate)
			*validate = false; /* ids change when objects are linked */
		return 0;
	case CORE_TYPE_EXISTS:
	case CORE_TYPE_MATCHES:
		*val = 1;
		return 0;
	case CORE_TYPE_SIZE:
		if (!size_of(sp->btf, sp->root_id, &sz)) {
			errf(c, "type %u has no size", sp->root_id);
			return R_ERR;
		}
		*val = sz;
		return 0;
	default:
		errf(c, "unknown type relocation kind %u", kind);
		return R_ERR;
	}
}

/* Enum value relocation value; @sp NULL: no target (poison for the value) */
static int calc_enumval(uint32_t kind, const struct spec *sp, uint64_t *val)
{
	uint32_t off;

	if (kind == CORE_ENUMVAL_EXISTS) {
		*val = sp ? 1 : 0;
		return 0;
	}
	if (!sp)
		return R_POISON;
	enumerator_at(sp->btf, sp->acc[0].type_id, sp->acc[0].idx, &off, val);
	return 0;
}

/* Whether a load/store of the field may change size: pointers, or unsigned ints in both */
static bool resize_ok(const struct btf *lb, uint32_t lid, const struct btf *tb, uint32_t tid)
{
	struct btf_type lt, tt;

	if (!type_at(lb, lid, &lt) || !type_at(tb, tid, &tt))
		return false;
	if (kind_of(&lt) == BTF_K_PTR && kind_of(&tt) == BTF_K_PTR)
		return true;
	/* libbpf compares the whole encoding with BTF_INT_SIGNED: char and bool count as
	 * unsigned */
	return kind_of(&lt) == BTF_K_INT && kind_of(&tt) == BTF_K_INT &&
	       int_encoding(lb, lid) != BTF_INT_SIGNED_ENC &&
	       int_encoding(tb, tid) != BTF_INT_SIGNED_ENC;
}

/* Original and new values for local spec @ls and target spec @ts (NULL: no target) */
static int calc_relo(struct ctx *c, const struct spec *ls, const struct spec *ts, struct res *r)
{
	int rc = R_ERR;

	memset(r, 0, sizeof(*r));
	r->validate = true;
	if (is_field_kind(ls->kind)) {
		rc = calc_field(c, ls->kind, ls, &r->orig_val, &r->orig_sz, &r->orig_type,
				&r->validate);
		if (rc == 0)
			rc = calc_field(c, ls->kind, ts, &r->new_val, &r->new_sz, &r->new_type,
					NULL);
		if (rc == 0 && r->orig_sz != r->new_sz &&
		    !resize_ok(c->local, r->orig_type, c->targ, r->new_type))
			r->fail_memsz = true; /* only matters for loads and stores */
	} else if (is_type_kind(ls->kind)) {
		rc = calc_type(c, ls->kind, ls, &r->orig_val, &r->validate);
		if (rc == 0)
			rc = calc_type(c, ls->kind, ts, &r->new_val, NULL);
	} else if (is_enumval_kind(ls->kind)) {
		rc = calc_enumval(ls->kind, ls, &r->orig_val);
		if (rc == 0)
			rc = calc_enumval(ls->kind, ts, &r->new_val);
	}
	if (rc == R_POISON) {
		r->poison = true;
		rc = 0;
	}
	return rc;
}

/* Candidate list of local type @lid (cached per core_apply call); NULL with @err */
static struct cands *get_cands(struct ctx *c, uint32_t lid, const struct btf_type *lt,
			       const char *lname)
{
	struct cands *cs = &c->cache[lid];
	size_t ess = essential_len(lname), cap = 0;
	const struct btf *tb = c->targ;
	size_t lo, hi, end;

	if (cs->done)
		return cs;
	cs->done = true;
	if (c->self) {
		cs->ids = malloc(sizeof(*cs->ids));
		if (!cs->ids)
			goto nomem;
		cs->ids[0] = lid;
		cs->len = 1;
		return cs;
	}
	/* names sharing the essential prefix are contiguous in the sorted index */
	if (tb->by_name) {
		lo = 0;
		hi = tb->named;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			struct btf_type t;

			btf_type_get(tb, tb->by_name[mid], &t);
			if (strncmp(str_of(tb, t.name_off), lname, ess) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		end = tb->named;
	} else {
		lo = 1;
		end = tb->cnt;
	}
	for (size_t k = lo; k < end; k++) {
		uint32_t id = tb->by_name ? tb->by_name[k] : (uint32_t)k;
		struct btf_type t;
		const char *name;

		if (!btf_type_get(tb, id, &t))
			continue;
		name = str_of(tb, t.name_off);
		if (tb->by_name && strncmp(name, lname, ess) != 0)
			break;
		if (!kind_compat(&t, lt) || !*name || essential_len(name) != ess ||
		    strncmp(name, lname, ess) != 0)
			continue;
		if (cs->len == cap) {
			size_t ncap = cap ? cap * 2 : 4;
			uint32_t *n = realloc(cs->ids, ncap * sizeof(*n));

			if (!n)
				goto nomem;
			cs->ids = n;
			cap = ncap;
		}
		cs->ids[cs->len++] = id;
	}
	/* libbpf visits candidates in id order; the index is in name order */
	for (size_t i = 1; i < cs->len; i++) {
		uint32_t v = cs->ids[i];
		size_t j = i;

		for (; j > 0 && cs->ids[j - 1] > v; j--)
			cs->ids[j] = cs->ids[j - 1];
		cs->ids[j] = v;
	}
	return cs;

nomem:
	errf(c, "out of memory");
	return NULL;
}

/* "struct foo.a[2].b" / "enum e::X" / "struct foo" for messages */
static void describe(const struct ctx *c, const struct obj_core *rc, const struct spec *ls,
		     char *buf, size_t size)
{
	struct btf_type t;
	size_t len;
	int w;

	if (!type_at(c->local, rc->type_id, &t))
		memset(&t, 0, sizeof(t));
	w = snprintf(buf, size, "%s %s", kind_word(kind_of(&t)),
		     *str_of(c->local, t.name_off) ? str_of(c->local, t.name_off) : "<anon>");
	len = w < 0 ? size : (size_t)w;
	if (is_enumval_kind(rc->kind) && ls->len > 0 && len < size) {
		snprintf(buf + len, size - len, "::%s", ls->acc[0].name);
		return;
	}
	if (!is_field_kind(rc->kind))
		return;
	for (int i = 0; i < ls->len && len < size; i++) {
		const struct acc *a = &ls->acc[i];

		if (a->name)
			w = snprintf(buf + len, size - len, ".%s", a->name);
		else if (i > 0 || a->idx > 0)
			w = snprintf(buf + len, size - len, "[%u]", a->idx);
		else
			w = 0;
		len += w < 0 ? size : (size_t)w;
	}
}

static bool add_poison(struct ctx *c, struct core_poison **poison, size_t *np, size_t *cap,
		       const struct obj_core *rc, const struct spec *ls, const char *reason)
{
	struct core_poison *p;
	char what[128];

	if (*np == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		struct core_poison *n = realloc(*poison, ncap * sizeof(*n));

		if (!n) {
			errf(c, "out of memory");
			return false;
		}
		*poison = n;
		*cap = ncap;
	}
	p = &(*poison)[(*np)++];
	memset(p, 0, sizeof(*p));
	p->pc = rc->pc;
	describe(c, rc, ls, what, sizeof(what));
	/* long type names are cut; the pc still identifies the relocation */
	if (snprintf(p->why, sizeof(p->why), "%s of %s (access %.24s): %s", relo_word(rc->kind),
		     what, rc->access ? rc->access : "", reason) < 0)
		p->why[0] = 0;
	return true;
}

/*
 * Resolve relocation @rc: local spec into @ls, result into @r, and in @reason why it
 * poisons (if it does). libbpf's bpf_core_resolve_relo + bpf_core_calc_relo_insn.
 */
static int resolve(struct ctx *c, const struct obj_core *rc, struct spec *ls, struct spec *cs,
		   struct res *r, char *reason, size_t reason_size)
{
	struct btf_type lt;
	const char *lname;
	struct cands *cl;
	uint64_t first_bits = 0;
	size_t j = 0;

	if (rc->type_id >= c->local->cnt || !type_at(c->local, rc->type_id, &lt)) {
		errf(c, "type id %u out of range (%u types)", rc->type_id, c->local->cnt);
		return R_ERR;
	}
	lname = str_of(c->local, lt.name_off);
	if (parse_spec(c, rc, ls))
		return R_ERR;
	if (rc->kind == CORE_TYPE_ID_LOCAL) {
		memset(r, 0, sizeof(*r));
		r->orig_val = r->new_val = rc->type_id; /* not validated: linking renumbers */
		return 0;
	}
	if (!*lname) {
		errf(c, "%s relocation against anonymous type %u", relo_word(rc->kind),
		     rc->type_id);
		return R_ERR;
	}
	cl = get_cands(c, rc->type_id, &lt, lname);
	if (!cl)
		return R_ERR;
	for (size_t i = 0; i < cl->len; i++) {
		struct res cr;
		int m;

		if (!step(c))
			return R_ERR;
		m = spec_match(c, ls, cl->ids[i], cs);
		if (m < 0)
			return R_ERR;
		if (m == 0)
			continue;
		if (calc_relo(c, ls, cs, &cr))
			return R_ERR;
		if (j == 0) {
			*r = cr;
			first_bits = cs->bit_off;
		} else if (cs->bit_off != first_bits) {
			errf(c, "candidates disagree on the field offset (bit %llu vs %llu)",
			     (unsigned long long)cs->bit_off, (unsigned long long)first_bits);
			return R_ERR;
		} else if (cr.poison != r->poison || cr.new_val != r->new_val) {
			errf(c, "candidates disagree on the %s (%llu vs %llu)", relo_word(rc->kind),
			     (unsigned long long)cr.new_val, (unsigned long long)r->new_val);
			return R_ERR;
		}
		cl->ids[j++] = cl->ids[i];
	}
	if (j > 0) {
		cl->len = j; /* later relocations of this type only consider these */
		return 0;
	}
	if (calc_relo(c, ls, NULL, r))
		return R_ERR;
	if (cl->len == 0)
		snprintf(reason, reason_size, "no %s named %s in target", kind_word(kind_of(&lt)),
			 lname);
	else if (is_enumval_kind(rc->kind))
		snprintf(reason, reason_size, "no enumerator in target");
	else
		snprintf(reason, reason_size, "no field in target");
	return 0;
}

static void poison_slot(struct raw_insn *in)
{
	in->code = 0x85; /* BPF_JMP | BPF_CALL */
	in->dst = 0;
	in->src = 0;
	in->off = 0;
	in->imm = CORE_POISON_IMM;
}

static int size_bytes(uint8_t code)
{
	static const int bytes[4] = { 4, 2, 1, 8 }; /* W, H, B, DW */

	return bytes[(code >> 3) & 3];
}

/* Patch the instruction at @rc->pc with @r (libbpf's bpf_core_patch_insn); 1: poisoned */
static int patch(struct ctx *c, const struct obj_core *rc, const struct res *r,
		 struct raw_insn *insns, size_t cnt)
{
	struct raw_insn *in = &insns[rc->pc];
	bool lddw = in->code == 0x18;
	uint8_t cls = in->code & 7;

	if (lddw && (size_t)rc->pc + 1 >= cnt) {
		errf(c, "lddw in the last slot");
		return R_ERR;
	}
	if (r->poison)
		goto poison;
	switch (cls) {
	case 4: /* ALU */
	case 7: /* ALU64 */
		if (in->code & 0x08) {
			errf(c, "alu instruction (code %#x) has no immediate to patch", in->code);
			return R_ERR;
		}
		if (r->validate && (uint64_t)(int64_t)in->imm != r->orig_val) {
			errf(c, "unexpected instruction value: imm %d, expected %llu", in->imm,
			     (unsigned long long)r->orig_val);
			return R_ERR;
		}
		in->imm = (int32_t)(uint32_t)r->new_val;
		return 0;
	case 1: /* LDX */
	case 2: /* ST */
	case 3: /* STX */
		if (r->validate && (uint64_t)(int64_t)in->off != r->orig_val) {
			errf(c, "unexpected instruction value: off %d, expected %llu", in->off,
			     (unsigned long long)r->orig_val);
			return R_ERR;
		}
		if (r->new_val > INT16_MAX) {
			errf(c, "offset %llu does not fit the instruction",
			     (unsigned long long)r->new_val);
			return R_ERR;
		}
		if (r->fail_memsz)
			goto poison;
		in->off = (int16_t)r->new_val;
		if (r->new_sz != r->orig_sz) {
			static const uint8_t size_bits[9] = {
				[1] = 0x10, [2] = 0x08, [4] = 0x00, [8] = 0x18
			};

			if ((uint32_t)size_bytes(in->code) != r->orig_sz) {
				errf(c, "unexpected access size %d, expected %u",
				     size_bytes(in->code), r->orig_sz);
				return R_ERR;
			}
			if (r->new_sz != 1 && r->new_sz != 2 && r->new_sz != 4 && r->new_sz != 8) {
				errf(c, "field size %u in target is not a load/store size",
				     r->new_sz);
				return R_ERR;
			}
			in->code = (uint8_t)((in->code & 0xe7) | size_bits[r->new_sz]);
		}
		return 0;
	case 0: { /* LD */
		const struct raw_insn *hi = in + 1;
		uint64_t imm;

		if (!lddw || in->src || in->off || hi->code || hi->dst || hi->src || hi->off) {
			errf(c, "instruction (code %#x) is not a plain lddw", in->code);
			return R_ERR;
		}
		imm = (uint64_t)(uint32_t)in->imm | (uint64_t)(uint32_t)hi->imm << 32;
		if (r->validate && imm != r->orig_val) {
			errf(c, "unexpected instruction value: imm64 %llu, expected %llu",
			     (unsigned long long)imm, (unsigned long long)r->orig_val);
			return R_ERR;
		}
		in->imm = (int32_t)(uint32_t)r->new_val;
		in[1].imm = (int32_t)(uint32_t)(r->new_val >> 32);
		return 0;
	}
	default:
		errf(c, "cannot patch a jump or call (code %#x)", in->code);
		return R_ERR;
	}

poison:
	if (lddw)
		poison_slot(in + 1);
	poison_slot(in);
	return R_POISON;
}

int core_apply(const struct btf *local, const struct btf *targ, const struct obj_core *cores,
	       size_t n, struct raw_insn *insns, size_t cnt, struct core_poison **poison,
	       size_t *npoison, char *err, size_t err_size)
{
	struct ctx c = { .local = local,
			 .targ = targ,
			 .self = local == targ,
			 .steps = CORE_STEP_BUDGET,
			 .err = err,
			 .err_size = err_size };
	struct spec *specs = NULL;
	size_t cap = 0;
	int rc = -1;

	*poison = NULL;
	*npoison = 0;
	if (n == 0)
		return 0;
	if (!local || !targ || !local->offs || !targ->offs) {
		errf(&c, "no btf to relocate against");
		return -1;
	}
	c.cache = calloc(local->cnt, sizeof(*c.cache));
	specs = malloc(2 * sizeof(*specs));
	if (!c.cache || !specs) {
		errf(&c, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		const struct obj_core *cr = &cores[i];
		char reason[96] = "";
		struct res r;
		int p;

		c.relo = i;
		c.pc = cr->pc;
		if (cr->pc >= cnt) {
			errf(&c, "pc past the %zu instructions", cnt);
			goto out;
		}
		if (resolve(&c, cr, &specs[0], &specs[1], &r, reason, sizeof(reason)))
			goto out;
		p = patch(&c, cr, &r, insns, cnt);
		if (p < 0)
			goto out;
		if (p == R_POISON) {
			if (!r.poison)
				snprintf(
					reason, sizeof(reason),
					"field size %u -> %u in target and not a pointer or unsigned integer in both",
					r.orig_sz, r.new_sz);
			if (!add_poison(&c, poison, npoison, &cap, cr, &specs[0], reason))
				goto out;
		}
	}
	rc = 0;
out:
	if (c.cache) {
		for (uint32_t i = 0; i < local->cnt; i++)
			free(c.cache[i].ids);
		free(c.cache);
	}
	free(specs);
	if (rc) {
		free(*poison);
		*poison = NULL;
		*npoison = 0;
	}
	return rc;
}

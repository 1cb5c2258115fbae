// SPDX-License-Identifier: MIT
/*
 * btf: validation and decoding of .BTF and .BTF.ext for the object loader.
 * The layout follows the kernel's BTF documentation (Documentation/bpf/btf.rst):
 * a header, a type section of variable-length records made of 32-bit words,
 * and a string section of NUL-terminated strings. Every access goes through
 * bounds-checked readers; nothing trusts a length from the input.
 */
#include "btf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BTF_MAGIC 0xeB9F
#define BTF_HDR_MIN 24 /* magic..str_len */
#define BTF_EXT_HDR_MIN 24 /* magic..line_info_len */
#define BTF_TYPE_SIZE 12
#define BTF_MAX_DEPTH 32 /* modifier chains longer than this are treated as cycles */

static void errf(char *err, size_t err_size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void errf(char *err, size_t err_size, const char *fmt, ...)
{
	va_list ap;

	if (!err || !err_size)
		return;
	va_start(ap, fmt);
	vsnprintf(err, err_size, fmt, ap);
	va_end(ap);
}

static uint32_t swap32(uint32_t v)
{
	return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
}

/* Read a host-order u32 at @off of @p; caller checked the bounds */
static uint32_t rd32(const uint8_t *p, size_t off)
{
	uint32_t v;

	memcpy(&v, p + off, 4);
	return v;
}

static uint16_t rd16(const uint8_t *p, size_t off)
{
	uint16_t v;

	memcpy(&v, p + off, 2);
	return v;
}

/* Byte-swap every 32-bit word of [@off, @off + @len) in place; @len % 4 == 0 */
static void swap_words(uint8_t *p, size_t off, size_t len)
{
	for (size_t i = 0; i + 4 <= len; i += 4) {
		uint32_t v = swap32(rd32(p, off + i));

		memcpy(p + off + i, &v, 4);
	}
}

/* True if [off, off + len) lies inside [0, size) */
static bool in_bounds(size_t size, size_t off, size_t len)
{
	return !(off > size || len > size - off);
}

uint32_t btf_kind_of(const struct btf_type *t)
{
	return (t->info >> 24) & 0x1f;
}

uint32_t btf_vlen_of(const struct btf_type *t)
{
	return t->info & 0xffff;
}

/* Bytes following the fixed part of a record of kind @kind with @vlen entries; -1 if unknown */
static int64_t extra_size(uint32_t kind, uint32_t vlen)
{
	switch (kind) {
	case BTF_K_INT:
	case BTF_K_VAR:
	case BTF_K_DECL_TAG:
		return 4;
	case BTF_K_ARRAY:
		return 12;
	case BTF_K_STRUCT:
	case BTF_K_UNION:
	case BTF_K_DATASEC:
	case BTF_K_ENUM64:
		return (int64_t)vlen * 12;
	case BTF_K_ENUM:
	case BTF_K_FUNC_PROTO:
		return (int64_t)vlen * 8;
	case BTF_K_PTR:
	case BTF_K_FWD:
	case BTF_K_TYPEDEF:
	case BTF_K_VOLATILE:
	case BTF_K_CONST:
	case BTF_K_RESTRICT:
	case BTF_K_FUNC:
	case BTF_K_FLOAT:
	case BTF_K_TYPE_TAG:
		return 0;
	default:
		return -1;
	}
}

const char *btf_str(const struct btf *b, uint32_t off)
{
	if (!b->raw || off >= b->strs_len)
		return NULL;
	/* btf_parse checked that the section ends with a NUL */
	return (const char *)b->raw + b->strs_off + off;
}

bool btf_type_get(const struct btf *b, uint32_t id, struct btf_type *t)
{
	const uint8_t *p;

	if (!b->offs || id == 0 || id >= b->cnt)
		return false;
	p = b->raw + b->types_off + b->offs[id];
	t->name_off = rd32(p, 0);
	t->info = rd32(p, 4);
	t->size_type = rd32(p, 8);
	return true;
}

static const uint8_t *type_extra(const struct btf *b, uint32_t id);

uint32_t btf_member_bits(const struct btf *b, uint32_t id, uint32_t i)
{
	struct btf_type t;

	if (!btf_type_get(b, id, &t) || i >= btf_vlen_of(&t) || !(t.info & 0x80000000u) ||
	    (btf_kind_of(&t) != BTF_K_STRUCT && btf_kind_of(&t) != BTF_K_UNION))
		return 0;
	return rd32(type_extra(b, id), (size_t)i * 12 + 8) >> 24;
}

/* Address of the variable part of type @id (bounds checked by btf_parse) */
static const uint8_t *type_extra(const struct btf *b, uint32_t id)
{
	return b->raw + b->types_off + b->offs[id] + BTF_TYPE_SIZE;
}

bool btf_member_get(const struct btf *b, uint32_t id, uint32_t i, struct btf_member *m)
{
	struct btf_type t;
	const uint8_t *p;

	if (!btf_type_get(b, id, &t) || i >= btf_vlen_of(&t))
		return false;
	p = type_extra(b, id);
	memset(m, 0, sizeof(*m));
	switch (btf_kind_of(&t)) {
	case BTF_K_STRUCT:
	case BTF_K_UNION:
		m->name_off = rd32(p, (size_t)i * 12);
		m->type = rd32(p, (size_t)i * 12 + 4);
		m->offset = rd32(p, (size_t)i * 12 + 8);
		if (t.info & 0x80000000u) /* kind_flag: bitfield size in the top 8 bits */
			m->offset &= 0xffffff;
		return true;
	case BTF_K_FUNC_PROTO:
		m->name_off = rd32(p, (size_t)i * 8);
		m->type = rd32(p, (size_t)i * 8 + 4);
		return true;
	case BTF_K_DATASEC:
		m->type = rd32(p, (size_t)i * 12);
		m->offset = rd32(p, (size_t)i * 12 + 4);
		m->size = rd32(p, (size_t)i * 12 + 8);
		return true;
	default:
		return false;
	}
}

bool btf_array_get(const struct btf *b, uint32_t id, uint32_t *elem, uint32_t *nelems)
{
	struct btf_type t;
	const uint8_t *p;

	if (!btf_type_get(b, id, &t) || btf_kind_of(&t) != BTF_K_ARRAY)
		return false;
	p = type_extra(b, id);
	*elem = rd32(p, 0);
	*nelems = rd32(p, 8);
	return true;
}

static bool is_mod(uint32_t kind)
{
	return kind == BTF_K_TYPEDEF || kind == BTF_K_CONST || kind == BTF_K_VOLATILE ||
	       kind == BTF_K_RESTRICT || kind == BTF_K_TYPE_TAG;
}

uint32_t btf_skip_mods(const struct btf *b, uint32_t id)
{
	struct btf_type t;

	for (int depth = 0; depth < BTF_MAX_DEPTH; depth++) {
		if (!btf_type_get(b, id, &t))
			return 0;
		if (!is_mod(btf_kind_of(&t)))
			return id;
		id = t.size_type;
	}
	return 0;
}

static int size_rec(const struct btf *b, uint32_t id, uint32_t *size, int depth)
{
	struct btf_type t;
	uint32_t elem, n, esz;

	if (depth > BTF_MAX_DEPTH || !btf_type_get(b, id, &t))
		return -1;
	switch (btf_kind_of(&t)) {
	case BTF_K_INT:
	case BTF_K_ENUM:
	case BTF_K_ENUM64:
	case BTF_K_STRUCT:
	case BTF_K_UNION:
	case BTF_K_DATASEC:
	case BTF_K_FLOAT:
		*size = t.size_type;
		return 0;
	case BTF_K_PTR:
		*size = 8;
		return 0;
	case BTF_K_ARRAY:
		if (!btf_array_get(b, id, &elem, &n) || size_rec(b, elem, &esz, depth + 1))
			return -1;
		if (esz && n > UINT32_MAX / esz)
			return -1;
		*size = esz * n;
		return 0;
	case BTF_K_TYPEDEF:
	case BTF_K_CONST:
	case BTF_K_VOLATILE:
	case BTF_K_RESTRICT:
	case BTF_K_TYPE_TAG:
	case BTF_K_VAR:
		return size_rec(b, t.size_type, size, depth + 1);
	default:
		return -1;
	}
}

int btf_size_of(const struct btf *b, uint32_t id, uint32_t *size)
{
	return size_rec(b, id, size, 0);
}

uint32_t btf_find_datasec(const struct btf *b, const char *name)
{
	struct btf_type t;

	for (uint32_t id = 1; id < b->cnt; id++) {
		const char *n;

		if (!btf_type_get(b, id, &t) || btf_kind_of(&t) != BTF_K_DATASEC)
			continue;
		n = btf_str(b, t.name_off);
		if (n && strcmp(n, name) == 0)
			return id;
	}
	return 0;
}

/* Check that type id @ref (referenced by type @id) exists */
static int check_ref(const struct btf *b, uint32_t id, uint32_t ref, char *err, size_t err_size)
{
	if (ref >= b->cnt) {
		errf(err, err_size, "type %u references type id %u, past the %u types", id, ref,
		     b->cnt - 1);
		return -1;
	}
	return 0;
}

static int check_name(const struct btf *b, uint32_t id, uint32_t off, char *err, size_t err_size)
{
	if (off >= b->strs_len) {
		errf(err, err_size,
		     "type %u has name offset %u, past the string section (%u bytes)", id, off,
		     b->strs_len);
		return -1;
	}
	return 0;
}

/* Second pass: names and referenced ids of every type */
static int check_types(const struct btf *b, char *err, size_t err_size)
{
	for (uint32_t id = 1; id < b->cnt; id++) {
		struct btf_type t;
		struct btf_member m;
		uint32_t kind, vlen, elem, n;
		const uint8_t *p;

		btf_type_get(b, id, &t);
		kind = btf_kind_of(&t);
		vlen = btf_vlen_of(&t);
		if (check_name(b, id, t.name_off, err, err_size))
			return -1;
		switch (kind) {
		case BTF_K_PTR:
		case BTF_K_TYPEDEF:
		case BTF_K_VOLATILE:
		case BTF_K_CONST:
		case BTF_K_RESTRICT:
		case BTF_K_FUNC:
		case BTF_K_VAR:
		case BTF_K_DECL_TAG:
		case BTF_K_TYPE_TAG:
		case BTF_K_FUNC_PROTO:
			if (check_ref(b, id, t.size_type, err, err_size))
				return -1;
			break;
		case BTF_K_ARRAY:
			btf_array_get(b, id, &elem, &n);
			p = type_extra(b, id);
			if (check_ref(b, id, elem, err, err_size) ||
			    check_ref(b, id, rd32(p, 4), err, err_size))
				return -1;
			break;
		default:
			break;
		}
		if (kind == BTF_K_ENUM || kind == BTF_K_ENUM64) {
			size_t rec = kind == BTF_K_ENUM ? 8 : 12;

			p = type_extra(b, id);
			for (uint32_t i = 0; i < vlen; i++)
				if (check_name(b, id, rd32(p, i * rec), err, err_size))
					return -1;
		}
		if (kind == BTF_K_STRUCT || kind == BTF_K_UNION || kind == BTF_K_FUNC_PROTO ||
		    kind == BTF_K_DATASEC) {
			for (uint32_t i = 0; i < vlen; i++) {
				btf_member_get(b, id, i, &m);
				if (check_name(b, id, m.name_off, err, err_size) ||
				    check_ref(b, id, m.type, err, err_size))
					return -1;
			}
		}
	}
	return 0;
}

int btf_parse(struct btf *b, const uint8_t *data, size_t size, bool swap, char *err,
	      size_t err_size)
{
	uint32_t hdr_len, type_off, type_len, str_off, str_len, pos, cap;
	uint16_t magic;
	size_t body;

	memset(b, 0, sizeof(*b));
	if (size < BTF_HDR_MIN) {
		errf(err, err_size, "%zu bytes, shorter than the btf header", size);
		return -1;
	}
	b->raw = malloc(size);
	if (!b->raw) {
		errf(err, err_size, "out of memory");
		return -1;
	}
	memcpy(b->raw, data, size);
	b->raw_size = size;
	magic = rd16(b->raw, 0);
	if (swap)
		magic = (uint16_t)((magic >> 8) | (magic << 8));
	if (magic != BTF_MAGIC) {
		errf(err, err_size, "bad magic %#x (want %#x)", magic, BTF_MAGIC);
		goto fail;
	}
	if (b->raw[2] != 1) {
		errf(err, err_size, "unsupported btf version %u", b->raw[2]);
		goto fail;
	}
	if (swap) {
		uint16_t m = BTF_MAGIC;

		memcpy(b->raw, &m, 2);
		swap_words(b->raw, 4, 20);
	}
	hdr_len = rd32(b->raw, 4);
	type_off = rd32(b->raw, 8);
	type_len = rd32(b->raw, 12);
	str_off = rd32(b->raw, 16);
	str_len = rd32(b->raw, 20);
	if (hdr_len < BTF_HDR_MIN || hdr_len > size) {
		errf(err, err_size, "header length %u outside [%u, %zu]", hdr_len, BTF_HDR_MIN,
		     size);
		goto fail;
	}
	body = size - hdr_len;
	if (!in_bounds(body, type_off, type_len)) {
		errf(err, err_size, "type section [%u, +%u) past the end (%zu bytes)", type_off,
		     type_len, body);
		goto fail;
	}
	if (!in_bounds(body, str_off, str_len)) {
		errf(err, err_size, "string section [%u, +%u) past the end (%zu bytes)", str_off,
		     str_len, body);
		goto fail;
	}
	if (type_off % 4 || type_len % 4 || (hdr_len % 4)) {
		errf(err, err_size, "type section at %u, %u bytes, is not 4-byte aligned", type_off,
		     type_len);
		goto fail;
	}
	b->types_off = hdr_len + type_off;
	b->types_len = type_len;
	b->strs_off = hdr_len + str_off;
	b->strs_len = str_len;
	if (str_len == 0 || b->raw[b->strs_off] != 0 || b->raw[b->strs_off + str_len - 1] != 0) {
		errf(err, err_size, "string section is empty or not nul-terminated");
		goto fail;
	}
	if (swap)
		swap_words(b->raw, b->types_off, type_len);

	/* First pass: every record lies inside the type section; index them */
	cap = type_len / BTF_TYPE_SIZE + 1;
	b->offs = calloc(cap, sizeof(*b->offs));
	if (!b->offs) {
		errf(err, err_size, "out of memory");
		goto fail;
	}
	b->cnt = 1;
	for (pos = 0; pos < type_len;) {
		const uint8_t *p = b->raw + b->types_off;
		struct btf_type t;
		int64_t extra;

		if (type_len - pos < BTF_TYPE_SIZE) {
			errf(err, err_size, "type %u at offset %u is truncated", b->cnt, pos);
			goto fail;
		}
		t.info = rd32(p, pos + 4);
		extra = extra_size(btf_kind_of(&t), btf_vlen_of(&t));
		if (extra < 0 || btf_kind_of(&t) == BTF_K_UNKN) {
			errf(err, err_size, "type %u has unknown kind %u", b->cnt, btf_kind_of(&t));
			goto fail;
		}
		if ((uint64_t)extra > type_len - pos - BTF_TYPE_SIZE) {
			errf(err, err_size,
			     "type %u at offset %u: %lld bytes of members past the type section",
			     b->cnt, pos, (long long)extra);
			goto fail;
		}
		if (b->cnt >= cap) { /* cannot happen: each record takes >= 12 bytes */
			errf(err, err_size, "too many types");
			goto fail;
		}
		b->offs[b->cnt++] = pos;
		pos += BTF_TYPE_SIZE + (uint32_t)extra;
	}
	if (check_types(b, err, err_size))
		goto fail;
	return 0;

fail:
	btf_fini(b);
	return -1;
}

static uint32_t sort_btf_name_of(const struct btf *b, uint32_t id)
{
	struct btf_type t;

	return btf_type_get(b, id, &t) ? t.name_off : 0;
}
/* qsort has no context argument in C11; thread-local for concurrent verification */
static _Thread_local const struct btf *sort_btf;

static int cmp_by_name(const void *x, const void *y)
{
	const char *a = btf_str(sort_btf, sort_btf_name_of(sort_btf, *(const uint32_t *)x));
	const char *c = btf_str(sort_btf, sort_btf_name_of(sort_btf, *(const uint32_t *)y));
	int r = strcmp(a ? a : "", c ? c : "");

	if (r)
		return r;
	return *(const uint32_t *)x < *(const uint32_t *)y ? -1 : 1;
}

int btf_index(struct btf *b)
{
	size_t n = 0;

	if (b->by_name)
		return 0;
	b->by_name = malloc(((size_t)b->cnt + 1) * sizeof(*b->by_name));
	if (!b->by_name)
		return -1;
	for (uint32_t id = 1; id < b->cnt; id++) {
		struct btf_type t;

		if (btf_type_get(b, id, &t) && t.name_off)
			b->by_name[n++] = id;
	}
	sort_btf = b;
	qsort(b->by_name, n, sizeof(*b->by_name), cmp_by_name);
	sort_btf = NULL;
	b->named = (uint32_t)n;
	return 0;
}

size_t btf_find_all(const struct btf *b, const char *name, int kind, uint32_t *ids, size_t max)
{
	size_t lo = 0, hi = b->named, n = 0;

	if (!b->by_name) {
		for (uint32_t id = 1; id < b->cnt; id++) {
			struct btf_type t;
			const char *s;

			if (!btf_type_get(b, id, &t) ||
			    (kind >= 0 && btf_kind_of(&t) != (uint32_t)kind))
				continue;
			s = btf_str(b, t.name_off);
			if (s && strcmp(s, name) == 0) {
				if (n < max)
					ids[n] = id;
				n++;
			}
		}
		return n;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *s = btf_str(b, sort_btf_name_of(b, b->by_name[mid]));

		if (strcmp(s ? s : "", name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < b->named; lo++) {
		struct btf_type t = { 0 };
		const char *s;

		btf_type_get(b, b->by_name[lo], &t);
		s = btf_str(b, t.name_off);
		if (!s || strcmp(s, name) != 0)
			break;
		if (kind >= 0 && btf_kind_of(&t) != (uint32_t)kind)
			continue;
		if (n < max)
			ids[n] = b->by_name[lo];
		n++;
	}
	return n;
}

uint32_t btf_find(const struct btf *b, const char *name, int kind)
{
	uint32_t id = 0;

	return btf_find_all(b, name, kind, &id, 1) ? id : 0;
}

void btf_fini(struct btf *b)
{
	free(b->raw);
	free(b->offs);
	free(b->by_name);
	memset(b, 0, sizeof(*b));
}

uint8_t *btf_take_raw(struct btf *b, size_t *size)
{
	uint8_t *raw = b->raw;

	*size = b->raw_size;
	free(b->offs);
	memset(b, 0, sizeof(*b));
	return raw;
}

/* __uint(name, val) is "int (*name)[val]": pointer to an array of @val elements */
static int map_uint(const struct btf *b, uint32_t type, uint32_t *val)
{
	struct btf_type t;
	uint32_t elem;

	type = btf_skip_mods(b, type);
	if (!btf_type_get(b, type, &t) || btf_kind_of(&t) != BTF_K_PTR)
		return -1;
	type = btf_skip_mods(b, t.size_type);
	return btf_array_get(b, type, &elem, val) ? 0 : -1;
}

/* __type(name, T) is "typeof(T) *name": returns T and its size */
static int map_type(const struct btf *b, uint32_t type, uint32_t *target, uint32_t *size)
{
	struct btf_type t;

	type = btf_skip_mods(b, type);
	if (!btf_type_get(b, type, &t) || btf_kind_of(&t) != BTF_K_PTR)
		return -1;
	*target = t.size_type;
	return btf_size_of(b, t.size_type, size);
}

/* __array(values, T) is "typeof(T) *values[]": returns the STRUCT T, or 0 (e.g. a func proto) */
static int map_values(const struct btf *b, uint32_t type, uint32_t *inner)
{
	struct btf_type t;
	uint32_t elem, n;

	type = btf_skip_mods(b, type);
	if (!btf_array_get(b, type, &elem, &n))
		return -1;
	elem = btf_skip_mods(b, elem);
	if (!btf_type_get(b, elem, &t) || btf_kind_of(&t) != BTF_K_PTR)
		return -1;
	elem = btf_skip_mods(b, t.size_type);
	*inner = 0;
	if (btf_type_get(b, elem, &t) && btf_kind_of(&t) == BTF_K_STRUCT)
		*inner = elem;
	return 0;
}

int btf_map_def_parse(const struct btf *b, uint32_t struct_id, struct btf_map_def *def, char *err,
		      size_t err_size)
{
	struct btf_type t;
	bool have_vsize = false;

	memset(def, 0, sizeof(*def));
	struct_id = btf_skip_mods(b, struct_id);
	if (!btf_type_get(b, struct_id, &t) || btf_kind_of(&t) != BTF_K_STRUCT) {
		errf(err, err_size, "definition (type %u) is not a struct", struct_id);
		return -1;
	}
	for (uint32_t i = 0; i < btf_vlen_of(&t); i++) {
		struct btf_member m;
		const char *name;
		uint32_t *slot = NULL;
		int rc = 0;

		btf_member_get(b, struct_id, i, &m);
		name = btf_str(b, m.name_off);
		if (!name)
			name = "";
		if (strcmp(name, "type") == 0)
			slot = &def->type;
		else if (strcmp(name, "max_entries") == 0)
			slot = &def->max_entries;
		else if (strcmp(name, "map_flags") == 0)
			slot = &def->map_flags;
		else if (strcmp(name, "key_size") == 0)
			slot = &def->key_size;
		else if (strcmp(name, "value_size") == 0) {
			slot = &def->value_size;
			have_vsize = true;
		}
		if (slot) {
			rc = map_uint(b, m.type, slot);
		} else if (strcmp(name, "key") == 0) {
			rc = map_type(b, m.type, &def->key_type, &def->key_size);
		} else if (strcmp(name, "value") == 0) {
			rc = map_type(b, m.type, &def->value_type, &def->value_size);
			have_vsize = true;
		} else if (strcmp(name, "values") == 0) {
			rc = map_values(b, m.type, &def->inner_type);
			def->has_values = true;
		} /* numa_node, pinning, map_extra and unknown fields do not matter here */
		if (rc) {
			errf(err, err_size,
			     "field '%s' (type %u) is not encoded as the bpf_helpers.h macros do",
			     name, m.type);
			return -1;
		}
	}
	if (def->has_values && !have_vsize)
		def->value_size = 4; /* an fd or id per slot */
	return 0;
}

enum { EXT_FUNC, EXT_LINE, EXT_CORE };

/* Parse one info block (func, line or CO-RE relocation) of .BTF.ext */
static int ext_block(const struct btf *b, uint8_t *p, size_t len, int which, struct btf_ext *e,
		     char *err, size_t err_size)
{
	static const char *const whats[] = { "func info", "line info", "core relocation" };
	static const size_t mins[] = { 8, 16, 16 };
	bool is_line = which == EXT_LINE;
	const char *what = whats[which];
	size_t rec_min = mins[which];
	uint32_t rec_size;
	size_t pos = 4, total = 0;

	if (len == 0)
		return 0;
	if (len < 4) {
		errf(err, err_size, "%s block of %zu bytes has no record size", what, len);
		return -1;
	}
	rec_size = rd32(p, 0);
	if (rec_size < rec_min || rec_size % 4 || rec_size > 1024) {
		errf(err, err_size, "%s record size %u is invalid", what, rec_size);
		return -1;
	}
	/* count first so one allocation suffices */
	while (pos < len) {
		uint32_t num;

		if (len - pos < 8) {
			errf(err, err_size, "%s section header at %zu is truncated", what, pos);
			return -1;
		}
		num = rd32(p, pos + 4);
		if (!btf_str(b, rd32(p, pos))) {
			errf(err, err_size, "%s section name offset %u is past the btf strings",
			     what, rd32(p, pos));
			return -1;
		}
		if (num == 0 || num > (len - pos - 8) / rec_size) {
			errf(err, err_size, "%s: %u records of %u bytes at %zu run past the end",
			     what, num, rec_size, pos);
			return -1;
		}
		pos += 8 + (size_t)num * rec_size;
		total += num;
	}
	if (which == EXT_CORE) {
		e->cores = calloc(total, sizeof(*e->cores));
		if (!e->cores)
			goto nomem;
	} else if (is_line) {
		e->lines = calloc(total, sizeof(*e->lines));
		if (!e->lines)
			goto nomem;
	} else {
		e->funcs = calloc(total, sizeof(*e->funcs));
		if (!e->funcs)
			goto nomem;
	}
	for (pos = 4; pos < len;) {
		uint32_t sec = rd32(p, pos), num = rd32(p, pos + 4);

		pos += 8;
		for (uint32_t i = 0; i < num; i++, pos += rec_size) {
			if (which == EXT_CORE) {
				struct btf_core_relo *c = &e->cores[e->core_cnt++];

				c->sec_name_off = sec;
				c->insn_off = rd32(p, pos);
				c->type_id = rd32(p, pos + 4);
				c->access_str_off = rd32(p, pos + 8);
				c->kind = rd32(p, pos + 12);
				if (c->type_id >= b->cnt || !btf_str(b, c->access_str_off)) {
					errf(err, err_size,
					     "core relocation record %u names type %u or string %u "
					     "outside the btf",
					     i, c->type_id, c->access_str_off);
					return -1;
				}
			} else if (is_line) {
				struct btf_line_info *l = &e->lines[e->line_cnt++];
				uint32_t lc = rd32(p, pos + 12);

				l->sec_name_off = sec;
				l->insn_off = rd32(p, pos);
				l->file_off = rd32(p, pos + 4);
				l->line_off = rd32(p, pos + 8);
				l->line = lc >> 10;
				l->col = lc & 0x3ff;
				if (!btf_str(b, l->file_off) || !btf_str(b, l->line_off)) {
					errf(err, err_size,
					     "line info record %u names string offsets %u/%u past the btf strings",
					     i, l->file_off, l->line_off);
					return -1;
				}
			} else {
				struct btf_func_info *f = &e->funcs[e->func_cnt++];
				struct btf_type t;

				f->sec_name_off = sec;
				f->insn_off = rd32(p, pos);
				f->type_id = rd32(p, pos + 4);
				if (!btf_type_get(b, f->type_id, &t) ||
				    btf_kind_of(&t) != BTF_K_FUNC) {
					errf(err, err_size,
					     "func info record %u names type %u, which is not a func",
					     i, f->type_id);
					return -1;
				}
			}
		}
	}
	return 0;

nomem:
	errf(err, err_size, "out of memory");
	return -1;
}

int btf_ext_parse(struct btf_ext *e, const struct btf *b, const uint8_t *data, size_t size,
		  bool swap, char *err, size_t err_size)
{
	uint32_t hdr_len, off[3], len[3];
	uint8_t *copy;
	uint16_t magic;
	int rc = -1;

	memset(e, 0, sizeof(*e));
	if (size < BTF_EXT_HDR_MIN) {
		errf(err, err_size, "%zu bytes, shorter than the btf.ext header", size);
		return -1;
	}
	copy = malloc(size);
	if (!copy) {
		errf(err, err_size, "out of memory");
		return -1;
	}
	memcpy(copy, data, size);
	magic = rd16(copy, 0);
	if (swap)
		magic = (uint16_t)((magic >> 8) | (magic << 8));
	if (magic != BTF_MAGIC || copy[2] != 1) {
		errf(err, err_size, "bad magic %#x or version %u", magic, copy[2]);
		goto out;
	}
	if (swap)
		swap_words(copy, 4, 20);
	hdr_len = rd32(copy, 4);
	if (hdr_len < BTF_EXT_HDR_MIN || hdr_len > size) {
		errf(err, err_size, "header length %u outside [%u, %zu]", hdr_len, BTF_EXT_HDR_MIN,
		     size);
		goto out;
	}
	/* the CO-RE relocation block follows when the header is long enough */
	off[2] = len[2] = 0;
	if (hdr_len >= BTF_EXT_HDR_MIN + 8) {
		if (swap)
			swap_words(copy, 24, 8);
	}
	for (int i = 0; i < 3; i++) {
		static const char *const whats[] = { "func info", "line info", "core relocations" };
		const char *what = whats[i];

		if (i == 2 && hdr_len < BTF_EXT_HDR_MIN + 8)
			break;
		off[i] = rd32(copy, 8 + 8 * i);
		len[i] = rd32(copy, 12 + 8 * i);
		if (!in_bounds(size - hdr_len, off[i], len[i])) {
			errf(err, err_size, "%s [%u, +%u) past the end (%zu bytes)", what, off[i],
			     len[i], size - hdr_len);
			goto out;
		}
		if (len[i] % 4) {
			errf(err, err_size, "%s length %u is not a multiple of 4", what, len[i]);
			goto out;
		}
		if (swap)
			swap_words(copy, (size_t)hdr_len + off[i], len[i]);
	}
	if (ext_block(b, copy + hdr_len + off[0], len[0], EXT_FUNC, e, err, err_size) ||
	    ext_block(b, copy + hdr_len + off[1], len[1], EXT_LINE, e, err, err_size) ||
	    ext_block(b, copy + hdr_len + off[2], len[2], EXT_CORE, e, err, err_size))
		goto out;
	rc = 0;
out:
	free(copy);
	return rc;
}

void btf_ext_fini(struct btf_ext *e)
{
	free(e->funcs);
	free(e->lines);
	free(e->cores);
	memset(e, 0, sizeof(*e));
}

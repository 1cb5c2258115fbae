/* SPDX-License-Identifier: MIT */
/*
 * btf: reading the BTF of an eBPF object (.BTF) and its extension (.BTF.ext)
 * for the loader. btf_parse() validates the whole type section once (every
 * record inside the section, every name offset inside the string section,
 * every referenced type id below the type count), so the accessors below only
 * have to guard against reference cycles, which they do with a depth limit.
 * Data is converted to host byte order when the object's order differs.
 */
#ifndef BV_VERIFIER_BTF_H
#define BV_VERIFIER_BTF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* BTF kinds (values of the kind field of btf_type.info) */
enum btf_kind {
	BTF_K_UNKN = 0,
	BTF_K_INT = 1,
	BTF_K_PTR = 2,
	BTF_K_ARRAY = 3,
	BTF_K_STRUCT = 4,
	BTF_K_UNION = 5,
	BTF_K_ENUM = 6,
	BTF_K_FWD = 7,
	BTF_K_TYPEDEF = 8,
	BTF_K_VOLATILE = 9,
	BTF_K_CONST = 10,
	BTF_K_RESTRICT = 11,
	BTF_K_FUNC = 12,
	BTF_K_FUNC_PROTO = 13,
	BTF_K_VAR = 14,
	BTF_K_DATASEC = 15,
	BTF_K_FLOAT = 16,
	BTF_K_DECL_TAG = 17,
	BTF_K_TYPE_TAG = 18,
	BTF_K_ENUM64 = 19,
	BTF_K_MAX = BTF_K_ENUM64,
};

/* Parsed .BTF: an owned host-order copy of the section plus a type index */
struct btf {
	uint8_t *raw; /* owned copy of the section, host order; see btf_take_raw() */
	size_t raw_size;
	uint32_t types_off, types_len; /* type section inside @raw */
	uint32_t strs_off, strs_len; /* string section inside @raw */
	uint32_t *offs; /* offs[id]: offset of type @id in the type section (id 0 unused) */
	uint32_t cnt; /* number of type ids including void (0) */
	uint32_t *by_name; /* after btf_index(): ids of named types sorted by name, else NULL */
	uint32_t named; /* entries of @by_name */
};

/* The fixed part of one type record */
struct btf_type {
	uint32_t name_off;
	uint32_t info; /* vlen bits 0-15, kind bits 24-28, kind_flag bit 31 */
	uint32_t size_type; /* size, or referenced type id, depending on kind */
};

/* One member of a STRUCT/UNION, parameter of a FUNC_PROTO, var of a DATASEC */
struct btf_member {
	uint32_t name_off; /* 0 for DATASEC entries */
	uint32_t type;
	uint32_t offset; /* STRUCT: bit offset; DATASEC: byte offset; else 0 */
	uint32_t size; /* DATASEC: byte size; else 0 */
};

/* A BTF-defined map (a struct of the .maps DATASEC) */
struct btf_map_def {
	uint32_t type, key_size, value_size, max_entries, map_flags;
	uint32_t key_type, value_type; /* BTF type ids or 0 */
	uint32_t inner_type; /* STRUCT id of the inner map definition (__array(values, ...)) or 0 */
	bool has_values; /* __array(values, ...) present: map of maps or program array */
};

struct btf_func_info {
	uint32_t sec_name_off; /* section name, offset into the BTF strings */
	uint32_t insn_off; /* byte offset inside the section */
	uint32_t type_id; /* FUNC type */
};

struct btf_line_info {
	uint32_t sec_name_off;
	uint32_t insn_off; /* byte offset inside the section */
	uint32_t file_off, line_off; /* BTF string offsets of the file name and source text */
	uint32_t line, col;
};

/* One CO-RE relocation record (struct bpf_core_relo of linux/bpf.h) */
struct btf_core_relo {
	uint32_t sec_name_off;
	uint32_t insn_off; /* byte offset inside the section */
	uint32_t type_id; /* local (object) BTF type id */
	uint32_t access_str_off; /* "0:1:2" access string, BTF string offset */
	uint32_t kind; /* enum bpf_core_relo_kind */
};

/* Parsed .BTF.ext func info, line info and CO-RE relocations */
struct btf_ext {
	struct btf_func_info *funcs;
	size_t func_cnt;
	struct btf_line_info *lines;
	size_t line_cnt;
	struct btf_core_relo *cores;
	size_t core_cnt;
};

/*
 * Parse @size bytes of a .BTF section into @b (zeroed first). @swap: the
 * object's byte order differs from the host's. Returns 0, or -1 with a
 * lowercase one-line reason in @err. On failure @b holds nothing to free, but
 * btf_fini() is still safe.
 */
int btf_parse(struct btf *b, const uint8_t *data, size_t size, bool swap, char *err,
	      size_t err_size);
void btf_fini(struct btf *b);
/* Hand the raw host-order section to the caller (owned; free()); @b keeps the type index */
uint8_t *btf_take_raw(struct btf *b, size_t *size);

/* String at @off, or NULL if out of range. Borrowed from @b->raw. */
const char *btf_str(const struct btf *b, uint32_t off);
/* Fixed part of type @id; false for 0 or out of range */
bool btf_type_get(const struct btf *b, uint32_t id, struct btf_type *t);
uint32_t btf_kind_of(const struct btf_type *t);
uint32_t btf_vlen_of(const struct btf_type *t);
/* Member @i of STRUCT/UNION/FUNC_PROTO/DATASEC type @id; false if out of range */
bool btf_member_get(const struct btf *b, uint32_t id, uint32_t i, struct btf_member *m);
/* Bitfield size in bits of member @i of STRUCT/UNION @id (kind_flag encoding), 0 if none */
uint32_t btf_member_bits(const struct btf *b, uint32_t id, uint32_t i);
/* ARRAY @id: element type and element count */
bool btf_array_get(const struct btf *b, uint32_t id, uint32_t *elem, uint32_t *nelems);
/* Follow TYPEDEF/CONST/VOLATILE/RESTRICT/TYPE_TAG from @id; 0 on a cycle or void */
uint32_t btf_skip_mods(const struct btf *b, uint32_t id);
/* Size in bytes of type @id; -1 if it has none (void, func) or overflows */
int btf_size_of(const struct btf *b, uint32_t id, uint32_t *size);
/*
 * Build the name index of @b (once; used by btf_find*). Worth it for large BTF
 * such as a kernel's; without it the lookups scan every type. -1: no memory.
 */
int btf_index(struct btf *b);
/* Ids of the types named @name of kind @kind (-1: any kind), at most @max into
 * @ids in increasing id order; returns the number that exist */
size_t btf_find_all(const struct btf *b, const char *name, int kind, uint32_t *ids, size_t max);
/* First type named @name of kind @kind (-1: any), or 0 */
uint32_t btf_find(const struct btf *b, const char *name, int kind);
/* Id of the DATASEC named @name, or 0 */
uint32_t btf_find_datasec(const struct btf *b, const char *name);
/*
 * Decode the map definition struct @struct_id (as written by the __uint,
 * __type and __array macros of bpf_helpers.h). Returns 0, or -1 with @err.
 */
int btf_map_def_parse(const struct btf *b, uint32_t struct_id, struct btf_map_def *def, char *err,
		      size_t err_size);

/*
 * Parse .BTF.ext @data against @b (string offsets are checked against it).
 * Returns 0, or -1 with @err. btf_ext_fini() is safe after failure.
 */
int btf_ext_parse(struct btf_ext *e, const struct btf *b, const uint8_t *data, size_t size,
		  bool swap, char *err, size_t err_size);
void btf_ext_fini(struct btf_ext *e);

#endif

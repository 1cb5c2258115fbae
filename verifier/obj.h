/* SPDX-License-Identifier: MIT */
/*
 * obj: loading an eBPF ELF object with libelf. obj_open() reads everything
 * later stages need (sections, programs, relocations, maps, global data,
 * license, BTF, .BTF.ext line and func info) into memory owned by the
 * struct obj, then releases the libelf handle. Nothing here is borrowed from
 * libelf after obj_open() returns.
 */
#ifndef BV_VERIFIER_OBJ_H
#define BV_VERIFIER_OBJ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../include/bpfverify.h"
#include "insn.h"

struct btf;
struct core_poison;

/* Values of enum bpf_map_type in linux/bpf.h */
enum obj_map_kind {
	OBJ_MAP_USER, /* from the "maps" or ".maps" section */
	OBJ_MAP_DATA, /* .data / .data.* */
	OBJ_MAP_RODATA, /* .rodata / .rodata.* / .rodata.str* */
	OBJ_MAP_BSS, /* .bss / .bss.* */
	OBJ_MAP_KCONFIG, /* .kconfig */
};

struct obj_map {
	char *name; /* map or section name */
	enum obj_map_kind kind;
	uint32_t type; /* BPF_MAP_TYPE_*; global data: BPF_MAP_TYPE_ARRAY (2) */
	uint32_t key_size, value_size, max_entries, flags;
	int inner; /* index of the inner map definition for map-in-map, or -1 */
	uint32_t btf_key_type, btf_value_type; /* BTF type ids or 0 */
	bool readonly; /* .rodata or BPF_F_RDONLY_PROG */
	uint8_t *data; /* initial contents (global data), value_size bytes, or NULL (.bss: zeros) */
};

enum obj_rel_kind {
	OBJ_REL_MAP, /* lddw of a map: insn gets src=INSN_LDDW_MAP_IDX, imm=map index */
	OBJ_REL_MAP_VALUE, /* lddw of global data: src=INSN_LDDW_MAP_IDX_VALUE, imm=map idx,
			      imm_hi=offset */
	OBJ_REL_CALL, /* bpf-to-bpf call (already resolved into the linked image) */
	OBJ_REL_FUNC_ADDR, /* lddw src=INSN_LDDW_FUNC of a function (callback) */
	OBJ_REL_KFUNC, /* call src=2 of an extern function: name kept */
	OBJ_REL_KSYM, /* lddw of an extern variable (__ksym): name kept */
};

struct obj_rel {
	uint32_t pc; /* slot in the linked image */
	enum obj_rel_kind kind;
	int32_t map; /* map index for MAP kinds, else -1 */
	char *sym; /* symbol name */
};

struct obj_line {
	uint32_t pc; /* slot in the linked image */
	char *file;
	char *src; /* source line text, may be "" */
	uint32_t line, col;
};

/* A CO-RE relocation (.BTF.ext) at an image slot, not applied by the loader */
struct obj_core {
	uint32_t pc; /* slot in the linked image */
	uint32_t type_id; /* local type id in obj->btf */
	const char *access; /* access string, borrowed from obj->btf */
	uint32_t kind; /* enum bpf_core_relo_kind */
};

struct obj_func {
	char *name;
	uint32_t start, end; /* slot range [start, end) in the linked image */
	bool global; /* STB_GLOBAL: verified against its BTF signature by the kernel */
	uint32_t btf_id; /* BTF FUNC type id from func info, or 0 */
};

/*
 * One program: an entry-point function of an executable section, linked with
 * every subprogram it can call (the functions of .text it references,
 * transitively, appended after it as libbpf does), relocations applied.
 */
struct obj_prog {
	char *section;
	char *name; /* function symbol */
	enum bv_prog_type type;
	uint32_t expected_attach; /* BPF_* attach type as libbpf infers it, or 0 */
	struct raw_insn *insns; /* linked image */
	size_t insn_cnt; /* slots in the linked image */
	size_t own_cnt; /* slots of the entry function itself (image[0, own_cnt)) */
	struct raw_insn *orig; /* own_cnt slots exactly as in the ELF section (no relocation) */
	uint32_t sec_off; /* slot offset of the function inside its section */
	struct obj_func *funcs; /* funcs[0] is the entry function */
	size_t func_cnt;
	struct obj_rel *rels;
	size_t rel_cnt;
	struct obj_line *lines; /* sorted by pc */
	size_t line_cnt;
	struct obj_core *cores; /* CO-RE relocations, in image order of functions */
	size_t core_cnt;
	/* set by the caller for one verification: instructions CO-RE poisoned, and why */
	const struct core_poison *poison;
	size_t poison_cnt;
	int32_t *maps; /* indices of maps referenced */
	size_t map_cnt;
	bool is_subprog; /* a .text function listed for disasm/list; not verified alone */
};

struct obj {
	char *path;
	char *license;
	bool big_endian; /* converted to host order while loading */
	struct obj_map *maps;
	size_t map_cnt;
	struct obj_prog *progs;
	size_t prog_cnt;
	uint8_t *btf; /* raw .BTF section copy, or NULL */
	size_t btf_size;
	const struct btf *kbtf; /* the target kernel's BTF (borrowed, set by the caller), or NULL */
};

/* Load @path. NULL with a diagnostic in @d on malformed or unreadable input. */
struct obj *obj_open(const char *path, struct bv_diags *d);
void obj_free(struct obj *o);

/* Program type inferred from a section name as libbpf does; BV_PROG_UNSPEC if unknown.
 * @attach receives the expected attach type (0 if none). */
enum bv_prog_type obj_type_from_section(const char *sec, uint32_t *attach);

/* Line info for @pc of @p: the entry with the greatest pc <= @pc, or NULL */
const struct obj_line *obj_line_at(const struct obj_prog *p, uint32_t pc);

/* Read @size bytes at @off of read-only map @m's initial data; false if out of range */
bool obj_map_read(const struct obj_map *m, uint64_t off, unsigned size, uint64_t *out);

#endif

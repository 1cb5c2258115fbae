// SPDX-License-Identifier: MIT
/*
 * elfmangle: damage one field of a little-endian ELF64 eBPF object, for the
 * malformed-input corpus (testdata/bad/). Built and run by tests/gen_bad.sh:
 *
 *   elfmangle MUTATION IN OUT     exit 0: OUT written; 3: MUTATION does not apply to IN
 *
 * Only compiled when BV_ELFMANGLE is defined: the Makefile links every
 * helper in tests/ into check_all, which has its own main().
 */
#ifdef BV_ELFMANGLE

#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOT_APPLICABLE 3

struct img {
	uint8_t *b;
	size_t size;
};

static uint64_t get(const struct img *m, size_t off, int n)
{
	uint64_t v = 0;

	if (off > m->size || (size_t)n > m->size - off)
		return 0;
	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | m->b[off + (size_t)i];
	return v;
}

static void put(struct img *m, size_t off, int n, uint64_t v)
{
	if (off > m->size || (size_t)n > m->size - off)
		return;
	for (int i = 0; i < n; i++, v >>= 8)
		m->b[off + (size_t)i] = (uint8_t)v;
}

/* Offsets of Elf64_Ehdr and Elf64_Shdr fields (little-endian objects only) */
#define EH_SHOFF 0x28
#define EH_SHENTSIZE 0x3a
#define EH_SHNUM 0x3c
#define EH_SHSTRNDX 0x3e
#define SH_NAME 0x00
#define SH_TYPE 0x04
#define SH_FLAGS 0x08
#define SH_OFFSET 0x18
#define SH_SIZE 0x20
#define SH_LINK 0x28
#define SH_INFO 0x2c
#define SH_ENTSIZE 0x38

static size_t shdr(const struct img *m, size_t i)
{
	return (size_t)get(m, EH_SHOFF, 8) + i * 64;
}

static size_t shnum(const struct img *m)
{
	size_t n = (size_t)get(m, EH_SHNUM, 2), off = (size_t)get(m, EH_SHOFF, 8);

	if (off > m->size || n > (m->size - off) / 64)
		return 0;
	return n;
}

static const char *sname(const struct img *m, size_t i)
{
	size_t str = (size_t)get(m, EH_SHSTRNDX, 2), off, name;

	if (str >= shnum(m))
		return "";
	off = (size_t)get(m, shdr(m, str) + SH_OFFSET, 8);
	name = (size_t)get(m, shdr(m, i) + SH_NAME, 4);
	if (off + name >= m->size)
		return "";
	return (const char *)m->b + off + name;
}

static size_t find_named(const struct img *m, const char *name)
{
	for (size_t i = 1; i < shnum(m); i++)
		if (strcmp(sname(m, i), name) == 0)
			return i;
	return 0;
}

static size_t find_type(const struct img *m, uint32_t type)
{
	for (size_t i = 1; i < shnum(m); i++)
		if (get(m, shdr(m, i) + SH_TYPE, 4) == type)
			return i;
	return 0;
}

/* First non-empty executable section other than .text, else .text if non-empty */
static size_t find_exec(const struct img *m)
{
	size_t text = 0;

	for (size_t i = 1; i < shnum(m); i++) {
		size_t h = shdr(m, i);

		if (get(m, h + SH_TYPE, 4) != SHT_PROGBITS ||
		    !(get(m, h + SH_FLAGS, 8) & SHF_EXECINSTR) || get(m, h + SH_SIZE, 8) == 0)
			continue;
		if (strcmp(sname(m, i), ".text") != 0)
			return i;
		text = i;
	}
	return text;
}

/* A relocation section for an executable section with at least one entry */
static size_t find_code_rel(const struct img *m)
{
	for (size_t i = 1; i < shnum(m); i++) {
		size_t h = shdr(m, i), t = (size_t)get(m, h + SH_INFO, 4);

		if (get(m, h + SH_TYPE, 4) != SHT_REL || get(m, h + SH_SIZE, 8) < 16 ||
		    t >= shnum(m))
			continue;
		if (get(m, shdr(m, t) + SH_FLAGS, 8) & SHF_EXECINSTR)
			return i;
	}
	return 0;
}

static size_t sec_off(const struct img *m, size_t i)
{
	return (size_t)get(m, shdr(m, i) + SH_OFFSET, 8);
}

static size_t sec_size(const struct img *m, size_t i)
{
	return (size_t)get(m, shdr(m, i) + SH_SIZE, 8);
}

/* Offset (in the file) of the first BTF type record referring to another type by id */
static size_t btf_first_ref(const struct img *m, size_t btf)
{
	size_t base = sec_off(m, btf), hdr = (size_t)get(m, base + 4, 4);
	size_t t0 = base + hdr + (size_t)get(m, base + 8, 4), len = (size_t)get(m, base + 12, 4);

	for (size_t pos = 0; pos + 12 <= len;) {
		uint32_t info = (uint32_t)get(m, t0 + pos + 4, 4), kind = (info >> 24) & 0x1f;
		uint32_t vlen = info & 0xffff;
		size_t extra;

		if (kind == 2 || kind == 8 || kind == 9 || kind == 10 || kind == 12 || kind == 14)
			return t0 + pos;
		switch (kind) {
		case 1:
		case 14:
		case 17:
			extra = 4;
			break;
		case 3:
			extra = 12;
			break;
		case 4:
		case 5:
		case 15:
		case 19:
			extra = 12 * (size_t)vlen;
			break;
		case 6:
		case 13:
			extra = 8 * (size_t)vlen;
			break;
		default:
			extra = 0;
			break;
		}
		pos += 12 + extra;
	}
	return 0;
}

static int mangle(struct img *m, const char *mut)
{
	size_t i, h, n;

	if (strncmp(mut, "trunc", 5) == 0) {
		n = (size_t)strtoul(mut + 5, NULL, 10);
		if (n >= m->size)
			return NOT_APPLICABLE;
		m->size = n;
		return 0;
	}
	if (m->size < 64 || memcmp(m->b, ELFMAG, SELFMAG) != 0 || m->b[EI_CLASS] != ELFCLASS64 ||
	    m->b[EI_DATA] != ELFDATA2LSB || shnum(m) == 0)
		return NOT_APPLICABLE;
	if (strcmp(mut, "magic") == 0) {
		m->b[3] = 'G';
	} else if (strcmp(mut, "class32") == 0) {
		m->b[EI_CLASS] = ELFCLASS32;
	} else if (strcmp(mut, "bigendian") == 0) {
		m->b[EI_DATA] = ELFDATA2MSB;
	} else if (strcmp(mut, "machine") == 0) {
		put(m, 0x12, 2, EM_X86_64);
	} else if (strcmp(mut, "etype") == 0) {
		put(m, 0x10, 2, ET_EXEC);
	} else if (strcmp(mut, "shoff") == 0) {
		put(m, EH_SHOFF, 8, m->size + 4096);
	} else if (strcmp(mut, "shentsize") == 0) {
		put(m, EH_SHENTSIZE, 2, 40);
	} else if (strcmp(mut, "shstrndx") == 0) {
		put(m, EH_SHSTRNDX, 2, shnum(m) + 7);
	} else if (strcmp(mut, "sec_offset") == 0 || strcmp(mut, "sec_size") == 0 ||
		   strcmp(mut, "exec_odd") == 0 || strcmp(mut, "exec_empty") == 0) {
		i = find_exec(m);
		if (!i)
			return NOT_APPLICABLE;
		h = shdr(m, i);
		if (strcmp(mut, "sec_offset") == 0)
			put(m, h + SH_OFFSET, 8, m->size + 16);
		else if (strcmp(mut, "sec_size") == 0)
			put(m, h + SH_SIZE, 8, m->size * 4 + 8);
		else if (strcmp(mut, "exec_odd") == 0)
			put(m, h + SH_SIZE, 8, get(m, h + SH_SIZE, 8) - 3);
		else if (strcmp(sname(m, i), ".text") != 0)
			put(m, h + SH_SIZE, 8, 0); /* an empty program section */
		else
			return NOT_APPLICABLE;
	} else if (strcmp(mut, "symtab_link") == 0) {
		i = find_type(m, SHT_SYMTAB);
		if (!i)
			return NOT_APPLICABLE;
		put(m, shdr(m, i) + SH_LINK, 4, 0xfff0);
	} else if (strcmp(mut, "symtab_entsize") == 0) {
		i = find_type(m, SHT_SYMTAB);
		if (!i)
			return NOT_APPLICABLE;
		put(m, shdr(m, i) + SH_ENTSIZE, 8, 7);
	} else if (strcmp(mut, "strtab_nonul") == 0) {
		i = find_type(m, SHT_SYMTAB);
		if (!i)
			return NOT_APPLICABLE;
		i = (size_t)get(m, shdr(m, i) + SH_LINK, 4);
		if (i >= shnum(m) || sec_size(m, i) == 0)
			return NOT_APPLICABLE;
		m->b[sec_off(m, i) + sec_size(m, i) - 1] = 'A';
	} else if (strcmp(mut, "sym_name") == 0 || strcmp(mut, "sym_shndx") == 0 ||
		   strcmp(mut, "func_size") == 0) {
		size_t st = find_type(m, SHT_SYMTAB), cnt, found = 0;

		if (!st)
			return NOT_APPLICABLE;
		cnt = sec_size(m, st) / 24;
		for (i = 1; i < cnt && !found; i++) {
			size_t s = sec_off(m, st) + i * 24;

			if ((m->b[s + 4] & 0xf) == STT_FUNC)
				found = s;
		}
		if (!found)
			return NOT_APPLICABLE;
		if (strcmp(mut, "sym_name") == 0)
			put(m, found, 4, 0x7ffffff0);
		else if (strcmp(mut, "sym_shndx") == 0)
			put(m, found + 6, 2, 0xfe00);
		else
			put(m, found + 16, 8, 0x100000008ull);
	} else if (strncmp(mut, "rel_", 4) == 0) {
		size_t r = find_code_rel(m), e, t;

		if (!r)
			return NOT_APPLICABLE;
		e = sec_off(m, r);
		t = (size_t)get(m, shdr(m, r) + SH_INFO, 4);
		if (strcmp(mut, "rel_sym") == 0)
			put(m, e + 12, 4, 0xffffff);
		else if (strcmp(mut, "rel_offset") == 0)
			put(m, e, 8, sec_size(m, t) + 8);
		else if (strcmp(mut, "rel_misaligned") == 0)
			put(m, e, 8, get(m, e, 8) + 4);
		else if (strcmp(mut, "rel_type") == 0)
			put(m, e + 8, 4, 77);
		else if (strcmp(mut, "rel_info") == 0)
			put(m, shdr(m, r) + SH_INFO, 4, 0xfff0);
		else if (strcmp(mut, "rel_link") == 0)
			put(m, shdr(m, r) + SH_LINK, 4, 0);
		else if (strcmp(mut, "rel_insn") == 0)
			m->b[sec_off(m, t) + get(m, e, 8)] = 0xb7; /* mov: neither call nor lddw */
		else
			return NOT_APPLICABLE;
	} else if (strncmp(mut, "btf_", 4) == 0) {
		size_t b = find_named(m, ".BTF"), base;

		if (!b || sec_size(m, b) < 24)
			return NOT_APPLICABLE;
		base = sec_off(m, b);
		if (strcmp(mut, "btf_magic") == 0)
			put(m, base, 2, 0x1234);
		else if (strcmp(mut, "btf_typelen") == 0)
			put(m, base + 12, 4, 0x7ffffff0);
		else if (strcmp(mut, "btf_strlen") == 0)
			put(m, base + 20, 4, get(m, base + 20, 4) + 64);
		else if (strcmp(mut, "btf_hdrlen") == 0)
			put(m, base + 4, 4, 0x10000);
		else if (strcmp(mut, "btf_typeid") == 0) {
			size_t t = btf_first_ref(m, b);

			if (!t)
				return NOT_APPLICABLE;
			put(m, t + 8, 4, 0x7ffffff);
		} else if (strcmp(mut, "btf_kind") == 0) {
			size_t t = base + (size_t)get(m, base + 4, 4) + (size_t)get(m, base + 8, 4);

			put(m, t + 4, 4, (get(m, t + 4, 4) & 0xffff) | (31u << 24));
		} else if (strcmp(mut, "btf_vlen") == 0) {
			size_t t = base + (size_t)get(m, base + 4, 4) + (size_t)get(m, base + 8, 4);

			/* make the first record a struct with 65535 members */
			put(m, t + 4, 4, (4u << 24) | 0xffff);
		} else
			return NOT_APPLICABLE;
	} else if (strncmp(mut, "ext_", 4) == 0) {
		size_t b = find_named(m, ".BTF.ext"), base;

		if (!b || sec_size(m, b) < 24)
			return NOT_APPLICABLE;
		base = sec_off(m, b);
		if (strcmp(mut, "ext_line_off") == 0)
			put(m, base + 16, 4, 0x7fff0000);
		else if (strcmp(mut, "ext_func_len") == 0)
			put(m, base + 12, 4, get(m, base + 12, 4) + 0x1000);
		else if (strcmp(mut, "ext_line_insn") == 0) {
			size_t li =
				base + (size_t)get(m, base + 4, 4) + (size_t)get(m, base + 16, 4);

			if (get(m, base + 20, 4) < 4 + 8 + 16)
				return NOT_APPLICABLE;
			put(m, li + 12, 4, 0x7ffffff8); /* first record's insn_off */
		} else if (strcmp(mut, "ext_magic") == 0)
			put(m, base, 2, 0);
		else
			return NOT_APPLICABLE;
	} else {
		return NOT_APPLICABLE;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct img m = { 0 };
	size_t cap = 0, n;
	FILE *f;
	int rc;

	if (argc != 4) {
		fprintf(stderr, "usage: elfmangle MUTATION IN OUT\n");
		return 2;
	}
	f = fopen(argv[2], "rb");
	if (!f) {
		perror(argv[2]);
		return 1;
	}
	do {
		if (m.size == cap) {
			uint8_t *nb = realloc(m.b, cap ? cap * 2 : 65536);

			if (!nb) {
				fclose(f);
				free(m.b);
				return 1;
			}
			m.b = nb;
			cap = cap ? cap * 2 : 65536;
		}
		n = fread(m.b + m.size, 1, cap - m.size, f);
		m.size += n;
	} while (n > 0);
	fclose(f);
	rc = mangle(&m, argv[1]);
	if (rc == 0) {
		f = fopen(argv[3], "wb");
		if (!f || fwrite(m.b, 1, m.size, f) != m.size || fclose(f)) {
			perror(argv[3]);
			rc = 1;
		}
	}
	free(m.b);
	return rc;
}

#else
/* keeps the translation unit non-empty when linked into check_all */
typedef int elfmangle_unused_t;
#endif

// SPDX-License-Identifier: MIT
/*
 * mutate: copy an eBPF ELF object and change one instruction of one of its
 * executable sections: an offset, an immediate, an access size, a register,
 * a jump condition or target, an ALU operation. The choice is a function of
 * the seed only, so a mutant can be regenerated from its name.
 *
 *   mutate IN.o OUT.o SEED      prints one line: "section pc field old -> new"
 *
 * Used by tests/diff_kernel.sh; built on its own (no libelf: the ELF64 headers
 * are read directly). Exit 0, or 1 when IN has no instruction to mutate.
 */
#include <elf.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct slot {
	uint8_t code;
	uint8_t regs; /* dst low nibble, src high nibble */
	int16_t off;
	int32_t imm;
};

static uint64_t rng;

static uint64_t rnd(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static int64_t small_delta(void)
{
	static const int64_t d[] = { -8, -4, -2, -1, -1, 1, 1, 2, 4, 8 };

	return d[rnd() % (sizeof(d) / sizeof(d[0]))];
}

static uint8_t *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *b;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return NULL;
	}
	b = malloc((size_t)n + 1);
	if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
		free(b);
		b = NULL;
	}
	fclose(f);
	*size = (size_t)n;
	return b;
}

/*
 * Change one field of @s that the instruction uses (so that the mutant is
 * usually well formed and exercises the verifier, not the decoder). Writes a
 * description into @what; false if this slot offers no such field.
 */
static bool mutate(struct slot *s, char *what, size_t size)
{
	uint8_t cls = s->code & 7, op = s->code & 0xf0;
	bool ld = cls == 0, ldx = cls == 1, st = cls == 2, stx = cls == 3;
	bool mem = (ldx || st || stx) && ((s->code & 0xe0) == 0x60 || (s->code & 0xe0) == 0x80);
	bool jmp = (cls == 5 || cls == 6) && op != 0x80 && op != 0x90; /* not call/exit */
	bool alu = (cls == 4 || cls == 7) && op != 0xd0 && op != 0x80;
	bool x = (s->code & 0x08) != 0;
	bool lddw = ld && s->code == 0x18;
	struct slot o = *s;

	if (!mem && !jmp && !alu && !lddw)
		return false;
	for (int tries = 0; tries < 16; tries++) {
		switch (rnd() % 8) {
		case 0: /* offset: memory offset or jump target */
			if (!mem && !(jmp && op != 0x00))
				continue;
			s->off = (int16_t)(s->off + small_delta());
			snprintf(what, size, "off %d -> %d", o.off, s->off);
			return true;
		case 1:
		case 2: { /* immediate: +-small, boundaries, random */
			static const int32_t edges[] = {
				0, 1, -1, 0x7fffffff, (int32_t)0x80000000, 255, 256, 65535, 4096
			};

			if (!((alu || jmp) && !x) && !st && !lddw)
				continue;
			if (lddw && s->regs >> 4)
				continue; /* a relocated map or function reference */
			switch (rnd() % 4) {
			case 0:
			case 1:
				s->imm = (int32_t)((uint32_t)s->imm + (uint32_t)small_delta());
				break;
			case 2:
				s->imm = edges[rnd() % (sizeof(edges) / sizeof(edges[0]))];
				break;
			default:
				s->imm = (int32_t)(uint32_t)rnd();
				break;
			}
			snprintf(what, size, "imm %d -> %d", o.imm, s->imm);
			return true;
		}
		case 3: { /* access size of a load/store */
			static const uint8_t sz[] = { 0x00, 0x08, 0x10, 0x18 };

			if (!mem)
				continue;
			s->code = (uint8_t)((s->code & ~0x18) | sz[rnd() % 4]);
			if (s->code == o.code)
				continue;
			snprintf(what, size, "size code 0x%02x -> 0x%02x", o.code, s->code);
			return true;
		}
		case 4: { /* jump condition */
			static const uint8_t conds[] = { 0x10, 0x20, 0x30, 0x40, 0x50, 0x60,
							 0x70, 0xa0, 0xb0, 0xc0, 0xd0 };

			if (!jmp || op == 0x00)
				continue;
			s->code = (uint8_t)((s->code & 0x0f) | conds[rnd() % 11]);
			if (s->code == o.code)
				continue;
			snprintf(what, size, "jump code 0x%02x -> 0x%02x", o.code, s->code);
			return true;
		}
		case 5: { /* ALU operation */
			static const uint8_t ops[] = { 0x00, 0x10, 0x20, 0x30, 0x40, 0x50,
						       0x60, 0x70, 0x90, 0xa0, 0xb0, 0xc0 };

			if (!alu || s->off)
				continue;
			s->code = (uint8_t)((s->code & 0x0f) | ops[rnd() % 12]);
			if (s->code == o.code)
				continue;
			snprintf(what, size, "alu code 0x%02x -> 0x%02x", o.code, s->code);
			return true;
		}
		case 6: /* a register the instruction uses */
			if ((rnd() & 1) && (ldx || stx || ((alu || jmp) && x))) {
				s->regs = (uint8_t)((s->regs & 0x0f) | ((rnd() % 11) << 4));
			} else if (!(jmp && op == 0x00)) {
				if (lddw && s->regs >> 4)
					continue;
				s->regs = (uint8_t)((s->regs & 0xf0) | (rnd() % 11));
			} else {
				continue;
			}
			if (s->regs == o.regs)
				continue;
			snprintf(what, size, "regs 0x%02x -> 0x%02x", o.regs, s->regs);
			return true;
		default: /* 32/64-bit class flip */
			if (!(alu || (jmp && op != 0x00)))
				continue;
			s->code = (uint8_t)((s->code & ~7) | (cls == 4	 ? 7
							      : cls == 7 ? 4
							      : cls == 5 ? 6
									 : 5));
			snprintf(what, size, "code 0x%02x -> 0x%02x", o.code, s->code);
			return true;
		}
	}
	return false;
}

int main(int argc, char **argv)
{
	size_t size, total = 0, pick = 0;
	int retries = 0;
	uint8_t *b;
	const Elf64_Ehdr *eh;
	const Elf64_Shdr *sh;
	const char *shstr;
	FILE *out;
	char what[128];

	if (argc != 4) {
		fprintf(stderr, "usage: mutate IN.o OUT.o SEED\n");
		return 2;
	}
	rng = strtoull(argv[3], NULL, 0) * 0x2545f4914f6cdd1dull + 1;
	b = read_file(argv[1], &size);
	if (!b || size < sizeof(Elf64_Ehdr) || memcmp(b, ELFMAG, SELFMAG) ||
	    b[EI_CLASS] != ELFCLASS64 || b[EI_DATA] != ELFDATA2LSB) {
		fprintf(stderr, "mutate: %s: not a little-endian ELF64 object\n", argv[1]);
		return 1;
	}
	eh = (const Elf64_Ehdr *)b;
	if (eh->e_shoff > size || eh->e_shnum > (size - eh->e_shoff) / sizeof(Elf64_Shdr) ||
	    eh->e_shstrndx >= eh->e_shnum) {
		fprintf(stderr, "mutate: %s: bad section headers\n", argv[1]);
		return 1;
	}
	sh = (const Elf64_Shdr *)(b + eh->e_shoff);
	shstr = (const char *)b + sh[eh->e_shstrndx].sh_offset;
	for (int pass = 0; pass < 2; pass++) {
		size_t acc = 0;

		for (unsigned i = 0; i < eh->e_shnum; i++) {
			const Elf64_Shdr *s = &sh[i];
			size_t n;

			if (s->sh_type != SHT_PROGBITS || !(s->sh_flags & SHF_EXECINSTR) ||
			    s->sh_offset > size || s->sh_size > size - s->sh_offset)
				continue;
			n = s->sh_size / 8;
			if (pass == 0) {
				total += n;
				continue;
			}
			if (pick < acc + n) {
				struct slot *slot =
					(struct slot *)(b + s->sh_offset) + (pick - acc);

				if (mutate(slot, what, sizeof(what))) {
					printf("%s %zu %s\n", shstr + s->sh_name, pick - acc, what);
					goto write;
				}
				if (++retries > 64)
					break;
				/* nothing to change there: another slot */
				pick = (size_t)(rnd() % total);
				acc = 0;
				i = (unsigned)-1;
				continue;
			}
			acc += n;
		}
		if (pass == 1) {
			fprintf(stderr, "mutate: %s: no instruction to mutate\n", argv[1]);
			return 1;
		}
		if (pass == 0) {
			if (!total) {
				fprintf(stderr, "mutate: %s: no instructions\n", argv[1]);
				return 1;
			}
			pick = (size_t)(rnd() % total);
		}
	}
write:
	out = fopen(argv[2], "wb");
	if (!out || fwrite(b, 1, size, out) != size) {
		fprintf(stderr, "mutate: cannot write %s\n", argv[2]);
		return 1;
	}
	fclose(out);
	free(b);
	return 0;
}

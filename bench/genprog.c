// SPDX-License-Identifier: MIT
/*
 * genprog: writes synthetic eBPF ELF objects for benchmarks and budget tests.
 *
 *   genprog KIND N OUT.o
 *
 * KIND straight: N instructions of ALU work and stack traffic, then exit.
 *      branchy:  N/8 sequential if/else diamonds on unknown values.
 *      loops:    3 nested bounded loops whose body has about N instructions.
 *      packet:   N/16 repeated bounds-checked packet reads (XDP).
 * Every program is safe: the kernel accepts it (for N within its limits).
 */
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct ri {
	uint8_t code;
	uint8_t regs;
	int16_t off;
	int32_t imm;
};

static struct ri *prog;
static size_t cnt, cap;

static void emit(uint8_t code, int dst, int src, int16_t off, int32_t imm)
{
	if (cnt == cap) {
		cap = cap ? cap * 2 : 1024;
		prog = realloc(prog, cap * sizeof(*prog));
		if (!prog) {
			perror("realloc");
			exit(1);
		}
	}
	prog[cnt].code = code;
	prog[cnt].regs = (uint8_t)((src << 4) | dst);
	prog[cnt].off = off;
	prog[cnt].imm = imm;
	cnt++;
}

#define MOV_IMM(d, i) emit(0xb7, d, 0, 0, i)
#define MOV_REG(d, s) emit(0xbf, d, s, 0, 0)
#define ADD_IMM(d, i) emit(0x07, d, 0, 0, i)
#define ADD_REG(d, s) emit(0x0f, d, s, 0, 0)
#define AND_IMM(d, i) emit(0x57, d, 0, 0, i)
#define XOR_REG(d, s) emit(0xaf, d, s, 0, 0)
#define STX_DW(d, s, o) emit(0x7b, d, s, o, 0)
#define LDX_DW(d, s, o) emit(0x79, d, s, o, 0)
#define LDX_W(d, s, o) emit(0x61, d, s, o, 0)
#define LDX_B(d, s, o) emit(0x71, d, s, o, 0)
#define JGT_IMM(d, i, o) emit(0x25, d, 0, o, i)
#define JLT_IMM(d, i, o) emit(0xa5, d, 0, o, i)
#define JGT_REG(d, s, o) emit(0x2d, d, s, o, 0)
#define JA(o) emit(0x05, 0, 0, o, 0)
#define CALL(i) emit(0x85, 0, 0, 0, i)
#define EXIT() emit(0x95, 0, 0, 0, 0)

static void gen_straight(size_t n)
{
	MOV_IMM(0, 0);
	MOV_IMM(2, 1);
	MOV_IMM(3, 3);
	while (cnt + 8 < n) {
		ADD_REG(2, 3);
		AND_IMM(2, 0xffff);
		STX_DW(10, 2, -8);
		LDX_DW(4, 10, -8);
		XOR_REG(0, 4);
		AND_IMM(0, 0xff);
	}
	MOV_IMM(0, 2);
	EXIT();
}

static void gen_branchy(size_t n)
{
	CALL(7); /* bpf_get_prandom_u32 */
	MOV_REG(6, 0);
	MOV_IMM(7, 0);
	while (cnt + 12 < n) {
		/* if r6 > k { r7 += 1 } else { r7 += 2 }; r6 ^= r7 */
		JGT_IMM(6, 1000, 2);
		ADD_IMM(7, 1);
		JA(1);
		ADD_IMM(7, 2);
		AND_IMM(7, 0xff);
		MOV_REG(8, 7);
		ADD_IMM(8, 3);
		AND_IMM(8, 0xf);
	}
	MOV_IMM(0, 2);
	EXIT();
}

static void gen_loops(size_t n)
{
	size_t body = n > 64 ? n / 64 : 1;

	MOV_IMM(0, 0);
	MOV_IMM(1, 0); /* i */
	size_t li = cnt;
	MOV_IMM(2, 0); /* j */
	size_t lj = cnt;
	MOV_IMM(3, 0); /* k */
	size_t lk = cnt;
	for (size_t b = 0; b < body; b++) {
		ADD_REG(0, 3);
		AND_IMM(0, 0xffff);
	}
	ADD_IMM(3, 1);
	JLT_IMM(3, 4, (int16_t)((int64_t)lk - (int64_t)cnt - 1));
	ADD_IMM(2, 1);
	JLT_IMM(2, 4, (int16_t)((int64_t)lj - (int64_t)cnt - 1));
	ADD_IMM(1, 1);
	JLT_IMM(1, 4, (int16_t)((int64_t)li - (int64_t)cnt - 1));
	MOV_IMM(0, 2);
	EXIT();
}

static void gen_packet(size_t n)
{
	LDX_W(2, 1, 0); /* data */
	LDX_W(3, 1, 4); /* data_end */
	MOV_REG(4, 2);
	ADD_IMM(4, 64);
	emit(0xbd, 4, 3, 2, 0); /* if r4 <= r3 goto +2 */
	MOV_IMM(0, 1);
	EXIT();
	MOV_IMM(0, 0);
	while (cnt + 8 < n) {
		LDX_B(5, 2, (int16_t)((cnt * 7) % 60));
		ADD_REG(0, 5);
		AND_IMM(0, 0xffff);
	}
	MOV_IMM(0, 2);
	EXIT();
}

static size_t add_str(char *tab, size_t *len, const char *s)
{
	size_t o = *len;

	strcpy(tab + o, s);
	*len += strlen(s) + 1;
	return o;
}

int main(int argc, char **argv)
{
	size_t n;
	int fd;
	Elf *e;
	Elf64_Ehdr *eh;
	char shstr[256] = { 0 }, strtab[64] = { 0 };
	size_t shl = 1, stl = 1;
	static char lic[] = "GPL";
	const char *sec;

	if (argc != 4) {
		fprintf(stderr, "usage: genprog straight|branchy|loops|packet N OUT.o\n");
		return 2;
	}
	n = strtoull(argv[2], NULL, 10);
	if (!strcmp(argv[1], "straight"))
		gen_straight(n), sec = "xdp";
	else if (!strcmp(argv[1], "branchy"))
		gen_branchy(n), sec = "xdp";
	else if (!strcmp(argv[1], "loops"))
		gen_loops(n), sec = "xdp";
	else if (!strcmp(argv[1], "packet"))
		gen_packet(n), sec = "xdp";
	else {
		fprintf(stderr, "genprog: unknown kind %s\n", argv[1]);
		return 2;
	}
	if (elf_version(EV_CURRENT) == EV_NONE)
		return 1;
	fd = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		perror(argv[3]);
		return 1;
	}
	e = elf_begin(fd, ELF_C_WRITE, NULL);
	eh = elf64_newehdr(e);
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_machine = 247; /* EM_BPF */
	eh->e_type = ET_REL;
	eh->e_version = EV_CURRENT;

	size_t n_text = add_str(shstr, &shl, sec);
	size_t n_lic = add_str(shstr, &shl, "license");
	size_t n_sym = add_str(shstr, &shl, ".symtab");
	size_t n_str = add_str(shstr, &shl, ".strtab");
	size_t n_shs = add_str(shstr, &shl, ".shstrtab");
	size_t s_prog = add_str(strtab, &stl, "prog");

	/* 1: program */
	Elf_Scn *sc = elf_newscn(e);
	Elf_Data *d = elf_newdata(sc);
	d->d_buf = prog;
	d->d_size = cnt * sizeof(*prog);
	d->d_align = 8;
	d->d_type = ELF_T_BYTE;
	Elf64_Shdr *sh = elf64_getshdr(sc);
	sh->sh_name = (Elf64_Word)n_text;
	sh->sh_type = SHT_PROGBITS;
	sh->sh_flags = SHF_ALLOC | SHF_EXECINSTR;
	sh->sh_addralign = 8;
	/* 2: license */
	sc = elf_newscn(e);
	d = elf_newdata(sc);
	d->d_buf = lic;
	d->d_size = sizeof(lic);
	d->d_align = 1;
	sh = elf64_getshdr(sc);
	sh->sh_name = (Elf64_Word)n_lic;
	sh->sh_type = SHT_PROGBITS;
	sh->sh_flags = SHF_ALLOC | SHF_WRITE;
	sh->sh_addralign = 1;
	/* 3: symtab */
	static Elf64_Sym syms[2];
	syms[1].st_name = (Elf64_Word)s_prog;
	syms[1].st_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC);
	syms[1].st_shndx = 1;
	syms[1].st_size = cnt * 8;
	sc = elf_newscn(e);
	d = elf_newdata(sc);
	d->d_buf = syms;
	d->d_size = sizeof(syms);
	d->d_align = 8;
	d->d_type = ELF_T_SYM;
	sh = elf64_getshdr(sc);
	sh->sh_name = (Elf64_Word)n_sym;
	sh->sh_type = SHT_SYMTAB;
	sh->sh_link = 4;
	sh->sh_info = 1;
	sh->sh_entsize = sizeof(Elf64_Sym);
	sh->sh_addralign = 8;
	/* 4: strtab */
	sc = elf_newscn(e);
	d = elf_newdata(sc);
	d->d_buf = strtab;
	d->d_size = stl;
	d->d_align = 1;
	sh = elf64_getshdr(sc);
	sh->sh_name = (Elf64_Word)n_str;
	sh->sh_type = SHT_STRTAB;
	sh->sh_addralign = 1;
	/* 5: shstrtab */
	sc = elf_newscn(e);
	d = elf_newdata(sc);
	d->d_buf = shstr;
	d->d_size = shl;
	d->d_align = 1;
	sh = elf64_getshdr(sc);
	sh->sh_name = (Elf64_Word)n_shs;
	sh->sh_type = SHT_STRTAB;
	sh->sh_addralign = 1;
	eh->e_shstrndx = 5;
	if (elf_update(e, ELF_C_WRITE) < 0) {
		fprintf(stderr, "genprog: %s\n", elf_errmsg(-1));
		return 1;
	}
	elf_end(e);
	close(fd);
	free(prog);
	return 0;
}

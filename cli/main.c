// SPDX-License-Identifier: MIT
/*
 * bpfverify command line: argument parsing, rendering results and exit codes.
 * Exit codes (STYLE.md): 0 all accepted, 1 some program rejected, 2 usage
 * error, 3 unreadable or malformed input, 4 inconclusive; the worst wins
 * (3 > 1 > 4 > 0).
 */
#include <fnmatch.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../include/bpfverify.h"

enum { EXIT_OK = 0, EXIT_REJECT = 1, EXIT_USAGE = 2, EXIT_INPUT = 3, EXIT_INCONCLUSIVE = 4 };

enum fmt { FMT_TEXT, FMT_TSV, FMT_JSON };

struct cli {
	struct bv_options opt;
	enum fmt fmt;
	int type; /* -1: inferred */
	const char *progs[32];
	size_t prog_cnt;
	bool source;
	bool exit_zero;
};

static int rank(int code)
{
	switch (code) {
	case EXIT_INPUT:
		return 4;
	case EXIT_REJECT:
		return 3;
	case EXIT_INCONCLUSIVE:
		return 2;
	default:
		return 0;
	}
}

static int worse(int a, int b)
{
	return rank(b) > rank(a) ? b : a;
}

static void usage(FILE *f)
{
	fputs("usage: bpfverify [check] [options] FILE.o...\n"
	      "       bpfverify list FILE.o...\n"
	      "       bpfverify disasm [-p PROG] [--source] FILE.o...\n"
	      "       bpfverify rules\n"
	      "\n"
	      "Decides, without a kernel, whether each eBPF program in the ELF objects is safe to\n"
	      "load, with the rules of the Linux verifier (privileged loader, as root).\n"
	      "\n"
	      "options:\n"
	      "  -p, --prog GLOB        only programs whose section/function or function matches\n"
	      "                         (repeatable; !GLOB excludes)\n"
	      "  -t, --type TYPE        override the program type inferred from the section name\n"
	      "      --format FMT       text (default), tsv, json\n"
	      "      --unprivileged     add the rules for loaders without CAP_PERFMON: no reads of\n"
	      "                         uninitialised stack, no pointer leaks or comparisons.\n"
	      "                         Spectre hardening is out of scope.\n"
	      "      --strict           also report division by a possibly-zero divisor (defined\n"
	      "                         by RFC 9669, accepted by the kernel)\n"
	      "      --max-insns N      budget of interpreted instructions (default 1000000)\n"
	      "      --timeout SEC      per-program time budget\n"
	      "  -v, --verbose          print the abstract state at the failing instruction\n"
	      "      --source           disasm: interleave source lines\n"
	      "      --exit-zero        exit 0 even when programs are rejected\n"
	      "  -h, --help             this text\n"
	      "      --version          print the version\n"
	      "\n"
	      "exit status: 0 all accepted, 1 a program was rejected, 2 usage error,\n"
	      "3 unreadable or malformed input, 4 inconclusive (unsupported feature or budget)\n",
	      f);
}

static bool selected(const struct cli *c, const struct bv_prog_info *pi)
{
	char full[512];
	bool any_pos = false, match = false;

	snprintf(full, sizeof(full), "%s/%s", pi->section, pi->func);
	for (size_t i = 0; i < c->prog_cnt; i++) {
		const char *g = c->progs[i];
		bool neg = g[0] == '!';

		if (neg)
			g++;
		else
			any_pos = true;
		if (!fnmatch(g, full, 0) || !fnmatch(g, pi->func, 0) || !fnmatch(g, pi->section, 0)) {
			if (neg)
				return false;
			match = true;
		}
	}
	return !any_pos || match;
}

static void print_diags(struct bv_diags *d)
{
	for (size_t i = 0; i < d->cnt; i++)
		bv_diag_print(stderr, &d->v[i]);
	bv_diags_free(d);
}

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			fprintf(f, "\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", f);
		else if (ch == '\t')
			fputs("\\t", f);
		else if (ch < 0x20)
			fprintf(f, "\\u%04x", ch);
		else
			fputc(ch, f);
	}
	fputc('"', f);
}

static void tsv_field(const char *s)
{
	for (; s && *s; s++)
		putchar(*s == '\t' || *s == '\n' ? ' ' : *s);
}

static int cmd_check(struct cli *c, int argc, char **argv)
{
	int code = EXIT_OK;
	bool first_json = true;

	if (c->fmt == FMT_JSON)
		printf("{\"version\":1,\"tool\":\"bpfverify %s\",\"programs\":[", BV_VERSION);
	for (int a = 0; a < argc; a++) {
		struct bv_diags d = { 0 };
		struct bv_object *o = bv_object_open(argv[a], &d);

		if (!o) {
			print_diags(&d);
			code = worse(code, EXIT_INPUT);
			continue;
		}
		print_diags(&d);
		if (c->type >= 0)
			bv_object_set_type(o, (enum bv_prog_type)c->type);
		for (size_t i = 0; i < bv_object_prog_cnt(o); i++) {
			struct bv_prog_info pi;
			struct bv_result r;
			const struct bv_finding *f;
			char itext[256] = "";

			bv_object_prog_info(o, i, &pi);
			if (pi.is_subprog || !selected(c, &pi))
				continue;
			if (bv_verify(o, i, &c->opt, &r, &d)) {
				print_diags(&d);
				code = worse(code, EXIT_INPUT);
				if (c->fmt == FMT_TSV)
					printf("%s\t%s\t%s\terror\t\t\tmalformed program\n", argv[a],
					       pi.section, pi.func);
				continue;
			}
			print_diags(&d);
			f = r.finding_cnt ? &r.findings[0] : NULL;
			if (f && f->pc >= 0)
				bv_insn_text(o, i, f->pc, itext, sizeof(itext));
			code = worse(code, r.verdict == BV_ACCEPT	? EXIT_OK
					   : r.verdict == BV_REJECT ? EXIT_REJECT
								    : EXIT_INCONCLUSIVE);
			if (c->fmt == FMT_TSV) {
				printf("%s\t%s\t%s\t%s\t", argv[a], pi.section, pi.func,
				       bv_verdict_name(r.verdict));
				if (f) {
					printf("%s\t%lld\t", f->rule, (long long)f->pc);
					tsv_field(f->msg);
				} else {
					printf("\t\t");
				}
				putchar('\n');
			} else if (c->fmt == FMT_JSON) {
				printf("%s{\"file\":", first_json ? "" : ",");
				first_json = false;
				json_str(stdout, argv[a]);
				printf(",\"section\":");
				json_str(stdout, pi.section);
				printf(",\"function\":");
				json_str(stdout, pi.func);
				printf(",\"type\":\"%s\",\"verdict\":\"%s\",\"insns_processed\":%llu,"
				       "\"seconds\":%.6f",
				       bv_prog_type_name(pi.type), bv_verdict_name(r.verdict),
				       (unsigned long long)r.insns_processed, r.seconds);
				if (f) {
					printf(",\"finding\":{\"rule\":\"%s\",\"name\":\"%s\",\"pc\":%lld,"
					       "\"message\":",
					       f->rule, f->rule_name, (long long)f->pc);
					json_str(stdout, f->msg);
					printf(",\"instruction\":");
					json_str(stdout, itext);
					if (f->src_file) {
						printf(",\"file\":");
						json_str(stdout, f->src_file);
						printf(",\"line\":%u,\"column\":%u", f->line, f->col);
					}
					printf("}");
				}
				printf("}");
			} else {
				printf("%s:%s/%s: %s\n", argv[a], pi.section, pi.func,
				       bv_verdict_name(r.verdict));
				if (f) {
					const char *sev = r.verdict == BV_REJECT ? "error" : "inconclusive";

					if (f->src_file && f->line)
						printf("  %s:%u:%u: %s: %s [%s %s]\n", f->src_file, f->line,
						       f->col, sev, f->msg, f->rule, f->rule_name);
					else
						printf("  %s:%s/%s+%lld: %s: %s [%s %s]\n", argv[a],
						       pi.section, pi.func, (long long)f->pc, sev, f->msg,
						       f->rule, f->rule_name);
					if (f->src_line && *f->src_line)
						printf("  %5u | %s\n", f->line, f->src_line);
					if (f->pc >= 0 && *itext)
						printf("  insn %lld: %s\n", (long long)f->pc, itext);
					if (c->opt.verbose && f->state)
						printf("  state: %s\n", f->state);
					if (!pi.has_line_info)
						printf("  note: compile with -g to get source locations\n");
				}
			}
			bv_result_fini(&r);
		}
		bv_object_close(o);
	}
	if (c->fmt == FMT_JSON)
		printf("]}\n");
	return c->exit_zero && code != EXIT_INPUT ? EXIT_OK : code;
}

static int cmd_list(struct cli *c, int argc, char **argv)
{
	int code = EXIT_OK;

	for (int a = 0; a < argc; a++) {
		struct bv_diags d = { 0 };
		struct bv_object *o = bv_object_open(argv[a], &d);

		if (!o) {
			print_diags(&d);
			code = worse(code, EXIT_INPUT);
			continue;
		}
		print_diags(&d);
		if (c->type >= 0)
			bv_object_set_type(o, (enum bv_prog_type)c->type);
		printf("%s: license \"%s\"\n", argv[a], bv_object_license(o) ? bv_object_license(o) : "");
		printf("  %-24s %-24s %-16s %6s %-5s %s\n", "SECTION", "FUNCTION", "TYPE", "INSNS",
		       "LINES", "MAPS");
		for (size_t i = 0; i < bv_object_prog_cnt(o); i++) {
			struct bv_prog_info pi;

			bv_object_prog_info(o, i, &pi);
			if (!selected(c, &pi))
				continue;
			printf("  %-24s %-24s %-16s %6zu %-5s ", pi.section, pi.func,
			       pi.is_subprog ? "(subprogram)" : bv_prog_type_name(pi.type), pi.insn_cnt,
			       pi.has_line_info ? "yes" : "no");
			for (size_t m = 0; m < pi.map_cnt; m++)
				printf("%s%s", m ? "," : "", pi.map_names[m]);
			if (!pi.map_cnt)
				printf("-");
			putchar('\n');
		}
		bv_object_close(o);
	}
	return code;
}

static int cmd_disasm(struct cli *c, int argc, char **argv)
{
	int code = EXIT_OK;

	for (int a = 0; a < argc; a++) {
		struct bv_diags d = { 0 };
		struct bv_object *o = bv_object_open(argv[a], &d);
		const char *last_sec = NULL;

		if (!o) {
			print_diags(&d);
			code = worse(code, EXIT_INPUT);
			continue;
		}
		printf("\n%s:\tfile format elf64-bpf\n", argv[a]);
		for (size_t i = 0; i < bv_object_prog_cnt(o); i++) {
			struct bv_prog_info pi;

			bv_object_prog_info(o, i, &pi);
			if (!selected(c, &pi))
				continue;
			if (!last_sec || strcmp(last_sec, pi.section)) {
				printf("\nDisassembly of section %s:\n\n", pi.section);
				last_sec = pi.section;
			} else {
				putchar('\n');
			}
			bv_disasm(o, i, c->source, stdout, &d);
		}
		print_diags(&d);
		bv_object_close(o);
	}
	return code;
}

static int cmd_rules(void)
{
	static const char *const r[][3] = {
		{ "P2.5", "bad-jump", "jump or call outside its function, unreachable code" },
		{ "P2.6", "call-depth", "more than 8 frames, recursion" },
		{ "P2.7", "loop-unbounded", "a loop not proven to terminate" },
		{ "P3.1", "reg-uninit", "a register is read before it is written" },
		{ "P3.2", "r10-write", "the frame pointer r10 is written" },
		{ "P3.3", "ptr-arith", "forbidden pointer arithmetic" },
		{ "P3.4", "ptr-cmp", "pointer comparison (unprivileged)" },
		{ "P3.5", "ptr-leak", "a pointer becomes observable (unprivileged), partial pointer copies" },
		{ "P4.1", "mem-nonptr", "memory access through a scalar or a non-dereferenceable pointer" },
		{ "P4.2", "stack-oob", "stack access outside [fp-512, fp)" },
		{ "P4.3", "stack-misaligned", "stack access not aligned to its size" },
		{ "P4.4", "stack-uninit", "read of uninitialised stack (unprivileged)" },
		{ "P5.1", "ctx-access", "context access at a bad offset or size, or write to a read-only field" },
		{ "P5.2", "pkt-oob", "packet access not proven within data_end" },
		{ "P5.4", "map-oob", "map value access outside [0, value_size)" },
		{ "P5.5", "null-deref", "use of a pointer that may be NULL" },
		{ "P5.6", "mem-access", "other memory rule (read-only memory, memory regions)" },
		{ "P5.7", "ld-abs", "legacy packet load misuse" },
		{ "P6.1", "helper-unavailable", "helper not offered to the program type or GPL-only" },
		{ "P6.2", "helper-args", "helper argument does not match the prototype" },
		{ "P6.4", "ref-leak", "acquired reference not released, lock misuse" },
		{ "P6.5", "kfunc", "kfunc call (inconclusive)" },
		{ "P7.1", "div-zero", "division by a possibly-zero divisor (--strict only)" },
		{ "P8.2", "atomic", "atomic operation on a forbidden memory kind" },
		{ "P9.1", "exit-r0-uninit", "r0 not set at exit" },
		{ "P9.2", "ret-ptr", "a pointer returned where a scalar is required" },
		{ "P9.3", "ret-range", "return value outside the program type's range" },
		{ "P10.1", "unsupported", "feature not modelled (inconclusive)" },
		{ "P10.3", "budget", "analysis budget spent (inconclusive)" },
	};

	for (size_t i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		printf("%-6s %-20s %s\n", r[i][0], r[i][1], r[i][2]);
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "prog", required_argument, NULL, 'p' },
		{ "type", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'F' },
		{ "unprivileged", no_argument, NULL, 'U' },
		{ "strict", no_argument, NULL, 'S' },
		{ "max-insns", required_argument, NULL, 'M' },
		{ "timeout", required_argument, NULL, 'T' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "source", no_argument, NULL, 's' },
		{ "exit-zero", no_argument, NULL, 'Z' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli c;
	const char *cmd = "check";
	int ch;

	memset(&c, 0, sizeof(c));
	c.type = -1;
	if (argc > 1 && (!strcmp(argv[1], "check") || !strcmp(argv[1], "list") ||
			 !strcmp(argv[1], "disasm") || !strcmp(argv[1], "rules"))) {
		cmd = argv[1];
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	while ((ch = getopt_long(argc, argv, "p:t:vh", lo, NULL)) != -1) {
		switch (ch) {
		case 'p':
			if (c.prog_cnt == sizeof(c.progs) / sizeof(c.progs[0])) {
				fprintf(stderr, "bpfverify: too many -p options\n");
				return EXIT_USAGE;
			}
			c.progs[c.prog_cnt++] = optarg;
			break;
		case 't':
			c.type = bv_prog_type_parse(optarg);
			if (c.type < 0) {
				fprintf(stderr, "bpfverify: unknown program type '%s'\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'F':
			if (!strcmp(optarg, "text"))
				c.fmt = FMT_TEXT;
			else if (!strcmp(optarg, "tsv"))
				c.fmt = FMT_TSV;
			else if (!strcmp(optarg, "json"))
				c.fmt = FMT_JSON;
			else {
				fprintf(stderr, "bpfverify: unknown format '%s' (text, tsv, json)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'U':
			c.opt.unprivileged = true;
			break;
		case 'S':
			c.opt.strict = true;
			break;
		case 'M': {
			char *end;
			unsigned long long v = strtoull(optarg, &end, 10);

			if (*end || !v) {
				fprintf(stderr, "bpfverify: --max-insns needs a positive number\n");
				return EXIT_USAGE;
			}
			c.opt.max_insns = v;
			break;
		}
		case 'T': {
			char *end;
			double v = strtod(optarg, &end);

			if (*end || v <= 0) {
				fprintf(stderr, "bpfverify: --timeout needs a positive number of seconds\n");
				return EXIT_USAGE;
			}
			c.opt.timeout_sec = v;
			break;
		}
		case 'v':
			c.opt.verbose++;
			break;
		case 's':
			c.source = true;
			break;
		case 'Z':
			c.exit_zero = true;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("bpfverify %s\n", BV_VERSION);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (!strcmp(cmd, "rules"))
		return cmd_rules();
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(cmd, "list"))
		return cmd_list(&c, argc - optind, argv + optind);
	if (!strcmp(cmd, "disasm"))
		return cmd_disasm(&c, argc - optind, argv + optind);
	return cmd_check(&c, argc - optind, argv + optind);
}

// SPDX-License-Identifier: MIT
/*
 * bpfverify command line: argument parsing, commands and exit codes.
 * Exit codes (STYLE.md): 0 all accepted, 1 some program rejected, 2 usage
 * error, 3 unreadable or malformed input, 4 inconclusive; the worst wins
 * (3 > 1 > 4 > 0). Verification and rendering live in run.c, output.c,
 * sarif.c and baseline.c; rules.c holds the rule texts, stats.c stats/compare.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define MAX_OUTPUTS 16

struct output_req {
	int fmt; /* -1: the --format value */
	const char *path; /* "-" for stdout */
};

static void usage(FILE *f)
{
	fputs("usage: bpfverify [check] [options] FILE.o...\n"
	      "       bpfverify list [-p GLOB] FILE.o...\n"
	      "       bpfverify disasm [-p GLOB] [--source] FILE.o...\n"
	      "       bpfverify stats [--format table|csv|json] [options] FILE.o...\n"
	      "       bpfverify compare OLD.csv NEW.csv [--fail-if EXPR]... [--format table|csv]\n"
	      "       bpfverify rules [--format text|json]\n"
	      "       bpfverify explain RULE...\n"
	      "\n"
	      "Decides, without a kernel, whether each eBPF program in the ELF objects is safe to\n"
	      "load, with the rules of the Linux verifier (privileged loader, as root).\n"
	      "\n"
	      "selection and analysis:\n"
	      "  -p, --prog GLOB        only programs whose section/function, function or section\n"
	      "                         matches (repeatable; !GLOB excludes)\n"
	      "  -t, --type TYPE        override the program type inferred from the section name\n"
	      "      --unprivileged     add the rules for loaders without CAP_PERFMON: no reads of\n"
	      "                         uninitialised stack, no pointer leaks or comparisons.\n"
	      "                         Spectre hardening is out of scope.\n"
	      "      --all-errors       report every distinct finding (each ends only its own\n"
	      "                         path), not just the first\n"
	      "      --strict           also report division by a possibly-zero divisor (defined\n"
	      "                         by RFC 9669, accepted by the kernel)\n"
	      "      --max-insns N      budget of interpreted instructions (default 1000000)\n"
	      "      --timeout SEC      per-program time budget\n"
	      "      --max-memory MB    per-program budget for abstract states (default 2048)\n"
	      "  -j, --jobs N           verify N programs in parallel (output order is unchanged)\n"
	      "      --btf FILE         the target kernel's BTF (default " BV_DEFAULT_KERNEL_BTF
	      "\n"
	      "                         when readable; 'none': no kernel BTF). It types the\n"
	      "                         context of tp_btf, fentry/fexit, iter and lsm programs and\n"
	      "                         is the target of CO-RE relocations (else the object's own\n"
	      "                         BTF)\n"
	      "\n"
	      "output:\n"
	      "  -F, --format FMT       text (default), gcc, json, sarif, github, csv, tsv;\n"
	      "                         stats: table, csv, json; rules: text, json\n"
	      "  -o, --output FMT=FILE  also write format FMT to FILE ('-' is stdout); repeatable.\n"
	      "                         With -o, stdout gets --format output only if --format is given\n"
	      "      --color[=WHEN]     colour text output: auto (default: on a terminal), always,\n"
	      "                         never\n"
	      "      --path-map OLD=NEW rewrite source paths from line info starting with OLD\n"
	      "                         (repeatable); absolute paths under the current directory\n"
	      "                         are always made relative to it\n"
	      "  -v, --verbose          print the abstract state at the failing instruction\n"
	      "      --source           disasm: interleave source lines\n"
	      "\n"
	      "gating:\n"
	      "      --exit-zero        exit 0 even when programs are rejected or inconclusive\n"
	      "                         (input errors still exit 3)\n"
	      "      --fail-on WHAT     inconclusive (default): inconclusive programs exit 4;\n"
	      "                         error: only rejected programs fail, inconclusive exits 0\n"
	      "      --baseline FILE    findings listed in FILE are known and do not fail the run\n"
	      "      --write-baseline FILE  write every finding of this run to FILE (and treat\n"
	      "                         them as known)\n"
	      "      --suppress RULE[@GLOB]  ignore RULE (id or name, * for all) in objects,\n"
	      "                         source files or programs matching GLOB; repeatable\n"
	      "      --fail-if EXPR     compare: exit 1 if EXPR holds for a program (repeatable)\n"
	      "\n"
	      "  -h, --help             this text\n"
	      "      --version          print the version\n"
	      "\n"
	      "exit status: 0 all accepted, 1 a program was rejected, 2 usage error,\n"
	      "3 unreadable or malformed input, 4 inconclusive (unsupported feature or budget);\n"
	      "with several programs the worst wins: 3, then 1, then 4. See bpfverify(1).\n",
	      f);
}

static void print_diags(struct bv_diags *d)
{
	for (size_t i = 0; i < d->cnt; i++)
		bv_diag_print(stderr, &d->v[i]);
	bv_diags_free(d);
}

static int cmd_list(struct cli *c, int argc, char **argv)
{
	int code = EXIT_OK;

	for (int a = 0; a < argc; a++) {
		struct bv_diags d = { 0 };
		struct bv_object *o = bv_object_open(argv[a], &d);

		if (!o) {
			print_diags(&d);
			code = EXIT_INPUT;
			continue;
		}
		print_diags(&d);
		if (c->type >= 0)
			bv_object_set_type(o, (enum bv_prog_type)c->type);
		printf("%s: license \"%s\"\n", argv[a],
		       bv_object_license(o) ? bv_object_license(o) : "");
		printf("  %-24s %-24s %-16s %6s %-5s %s\n", "SECTION", "FUNCTION", "TYPE", "INSNS",
		       "LINES", "MAPS");
		for (size_t i = 0; i < bv_object_prog_cnt(o); i++) {
			struct bv_prog_info pi;

			bv_object_prog_info(o, i, &pi);
			if (!cli_selected(c, pi.section, pi.func))
				continue;
			printf("  %-24s %-24s %-16s %6zu %-5s ", pi.section, pi.func,
			       pi.is_subprog ? "(subprogram)" : bv_prog_type_name(pi.type),
			       pi.insn_cnt, pi.has_line_info ? "yes" : "no");
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
			code = EXIT_INPUT;
			continue;
		}
		printf("\n%s:\tfile format elf64-bpf\n", argv[a]);
		for (size_t i = 0; i < bv_object_prog_cnt(o); i++) {
			struct bv_prog_info pi;

			bv_object_prog_info(o, i, &pi);
			if (!cli_selected(c, pi.section, pi.func))
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

static bool use_color(const struct cli *c, FILE *f)
{
	const char *term = getenv("TERM");

	if (c->color >= 0)
		return c->color;
	if (f != stdout || !isatty(STDOUT_FILENO))
		return false;
	if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
		return false;
	return !term || strcmp(term, "dumb");
}

static int cmd_check(struct cli *c, int fmt, bool fmt_given, const struct output_req *outs,
		     size_t out_cnt, int argc, char **argv)
{
	struct sink sinks[MAX_OUTPUTS + 1];
	size_t sink_cnt = 0;
	struct run r;
	int code = EXIT_OK;

	if (fmt == FMT_TABLE) {
		fprintf(stderr, "bpfverify: format table is for stats and compare\n");
		return EXIT_USAGE;
	}
	/* open every output before the analysis, so a bad path fails fast */
	if (!out_cnt || fmt_given)
		sinks[sink_cnt++] = (struct sink){ stdout, (enum out_fmt)fmt, false };
	for (size_t i = 0; i < out_cnt; i++) {
		FILE *f = strcmp(outs[i].path, "-") ? fopen(outs[i].path, "w") : stdout;
		int of = outs[i].fmt >= 0 ? outs[i].fmt : fmt;

		if (!f) {
			fprintf(stderr, "bpfverify: cannot write %s: %s\n", outs[i].path,
				strerror(errno));
			code = EXIT_USAGE;
			goto out_close;
		}
		if (of == FMT_TABLE) {
			fprintf(stderr, "bpfverify: format table is for stats and compare\n");
			if (f != stdout)
				fclose(f);
			code = EXIT_USAGE;
			goto out_close;
		}
		sinks[sink_cnt++] = (struct sink){ f, (enum out_fmt)of, false };
	}
	for (size_t i = 0; i < sink_cnt; i++)
		sinks[i].color = sinks[i].fmt == FMT_TEXT && use_color(c, sinks[i].f);

	code = run_verify(c, argc, argv, &r);
	if (code)
		goto out_run;
	if (c->baseline && (code = baseline_apply(c->baseline, &r)))
		goto out_run;
	if (c->write_baseline) {
		if ((code = baseline_write(c->write_baseline, &r)))
			goto out_run;
		for (size_t i = 0; i < r.prog_cnt; i++)
			for (size_t j = 0; j < r.progs[i].f_cnt; j++)
				if (r.progs[i].f[j].supp == SUPP_NONE)
					r.progs[i].f[j].supp = SUPP_BASELINE;
	}
	code = run_gate(c, &r);
	run_print_diags(&r, stderr);
	for (size_t i = 0; i < sink_cnt; i++) {
		out_render(c, &r, &sinks[i]);
		fflush(sinks[i].f);
	}
out_run:
	run_fini(&r);
out_close:
	for (size_t i = 0; i < sink_cnt; i++)
		if (sinks[i].f != stdout && fclose(sinks[i].f)) {
			fprintf(stderr, "bpfverify: error writing output: %s\n", strerror(errno));
			code = EXIT_INPUT;
		}
	return code;
}

static int parse_output(const char *arg, struct output_req *o)
{
	const char *eq = strchr(arg, '=');
	char name[16];

	if (!eq) {
		*o = (struct output_req){ -1, arg };
		return 0;
	}
	snprintf(name, sizeof(name), "%.*s", (int)(eq - arg), arg);
	o->fmt = fmt_parse(name);
	o->path = eq + 1;
	if (o->fmt < 0 || !*o->path) {
		fprintf(stderr,
			"bpfverify: -o wants FORMAT=FILE, e.g. sarif=out.sarif (got '%s')\n", arg);
		return -1;
	}
	return 0;
}

static bool parse_pair(char *arg, const char **a, const char **b, char sep)
{
	char *s = strchr(arg, sep);

	if (!s)
		return false;
	*s = '\0';
	*a = arg;
	*b = s + 1;
	return true;
}

/* Grow a pointer array by one slot; false when out of memory */
static bool grow(void **v, size_t cnt, size_t elem)
{
	void *nv = realloc(*v, (cnt + 1) * elem);

	if (!nv)
		return false;
	*v = nv;
	return true;
}

enum {
	OPT_FORMAT = 'F',
	OPT_UNPRIV = 256,
	OPT_STRICT,
	OPT_ALL_ERRORS,
	OPT_MAX_MEMORY,
	OPT_MAX_INSNS,
	OPT_TIMEOUT,
	OPT_SOURCE,
	OPT_EXIT_ZERO,
	OPT_VERSION,
	OPT_FAIL_ON,
	OPT_BASELINE,
	OPT_WRITE_BASELINE,
	OPT_SUPPRESS,
	OPT_COLOR,
	OPT_PATH_MAP,
	OPT_FAIL_IF,
	OPT_BTF,
};

static const char *const commands[] = { "check",   "list",  "disasm", "rules",
					"explain", "stats", "compare" };

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "prog", required_argument, NULL, 'p' },
		{ "type", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, 'o' },
		{ "unprivileged", no_argument, NULL, OPT_UNPRIV },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "all-errors", no_argument, NULL, OPT_ALL_ERRORS },
		{ "max-memory", required_argument, NULL, OPT_MAX_MEMORY },
		{ "max-insns", required_argument, NULL, OPT_MAX_INSNS },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "verbose", no_argument, NULL, 'v' },
		{ "source", no_argument, NULL, OPT_SOURCE },
		{ "exit-zero", no_argument, NULL, OPT_EXIT_ZERO },
		{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
		{ "baseline", required_argument, NULL, OPT_BASELINE },
		{ "write-baseline", required_argument, NULL, OPT_WRITE_BASELINE },
		{ "suppress", required_argument, NULL, OPT_SUPPRESS },
		{ "jobs", required_argument, NULL, 'j' },
		{ "color", optional_argument, NULL, OPT_COLOR },
		{ "colour", optional_argument, NULL, OPT_COLOR },
		{ "path-map", required_argument, NULL, OPT_PATH_MAP },
		{ "fail-if", required_argument, NULL, OPT_FAIL_IF },
		{ "btf", required_argument, NULL, OPT_BTF },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	struct cli c;
	struct output_req outs[MAX_OUTPUTS];
	size_t out_cnt = 0;
	const char **fail_if = NULL;
	size_t fail_if_cnt = 0;
	const char *cmd = "check";
	int ch, fmt = -1, code = EXIT_USAGE;

	memset(&c, 0, sizeof(c));
	c.type = -1;
	c.color = -1;
	c.jobs = 1;
	if (!getcwd(c.cwd, sizeof(c.cwd)))
		c.cwd[0] = '\0';
	for (size_t i = 0; argc > 1 && i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i])) {
			cmd = argv[1];
			argv[1] = argv[0];
			argv++;
			argc--;
			break;
		}
	while ((ch = getopt_long(argc, argv, "p:t:F:o:j:vh", lo, NULL)) != -1) {
		switch (ch) {
		case 'p':
			if (!grow((void **)&c.progs, c.prog_cnt, sizeof(*c.progs)))
				goto nomem;
			c.progs[c.prog_cnt++] = optarg;
			break;
		case 't':
			c.type = bv_prog_type_parse(optarg);
			if (c.type < 0) {
				fprintf(stderr, "bpfverify: unknown program type '%s'\n", optarg);
				goto out;
			}
			break;
		case OPT_FORMAT:
			fmt = fmt_parse(optarg);
			if (fmt < 0) {
				fprintf(stderr,
					"bpfverify: unknown format '%s' (text, gcc, json, sarif, "
					"github, csv, tsv, table)\n",
					optarg);
				goto out;
			}
			break;
		case 'o':
			if (out_cnt == MAX_OUTPUTS) {
				fprintf(stderr, "bpfverify: at most %d -o options\n", MAX_OUTPUTS);
				goto out;
			}
			if (parse_output(optarg, &outs[out_cnt]))
				goto out;
			out_cnt++;
			break;
		case OPT_UNPRIV:
			c.opt.unprivileged = true;
			break;
		case OPT_ALL_ERRORS:
			c.opt.all_errors = true;
			break;
		case OPT_MAX_MEMORY: {
			char *end;
			unsigned long long mb = strtoull(optarg, &end, 10);

			if (*end || !mb || mb > (1ull << 30)) {
				fprintf(stderr,
					"bpfverify: --max-memory needs a positive number of MiB\n");
				return 2;
			}
			c.opt.max_memory = (size_t)mb << 20;
			break;
		}
		case OPT_STRICT:
			c.opt.strict = true;
			break;
		case OPT_BTF:
			c.opt.kernel_btf = strcmp(optarg, "none") == 0 ? "" : optarg;
			break;
		case OPT_MAX_INSNS: {
			char *end;
			unsigned long long v = strtoull(optarg, &end, 10);

			if (*end || !v || optarg[0] == '-') {
				fprintf(stderr, "bpfverify: --max-insns needs a positive number\n");
				goto out;
			}
			c.opt.max_insns = v;
			break;
		}
		case OPT_TIMEOUT: {
			char *end;
			double v = strtod(optarg, &end);

			if (*end || !(v > 0)) {
				fprintf(stderr,
					"bpfverify: --timeout needs a positive number of seconds\n");
				goto out;
			}
			c.opt.timeout_sec = v;
			break;
		}
		case 'j': {
			char *end;
			long v = strtol(optarg, &end, 10);

			if (*end || v < 1 || v > 256) {
				fprintf(stderr, "bpfverify: -j needs a number from 1 to 256\n");
				goto out;
			}
			c.jobs = (int)v;
			break;
		}
		case 'v':
			c.opt.verbose++;
			break;
		case OPT_SOURCE:
			c.source = true;
			break;
		case OPT_EXIT_ZERO:
			c.exit_zero = true;
			break;
		case OPT_FAIL_ON:
			if (!strcmp(optarg, "error")) {
				c.fail_on_error = true;
			} else if (!strcmp(optarg, "inconclusive")) {
				c.fail_on_error = false;
			} else {
				fprintf(stderr,
					"bpfverify: --fail-on wants error or inconclusive\n");
				goto out;
			}
			break;
		case OPT_BASELINE:
			c.baseline = optarg;
			break;
		case OPT_WRITE_BASELINE:
			c.write_baseline = optarg;
			break;
		case OPT_SUPPRESS: {
			struct suppress s = { optarg, NULL };
			char *at = strchr(optarg, '@');

			if (at) {
				*at = '\0';
				s.glob = at + 1;
			}
			if (!*s.rule || (strcmp(s.rule, "*") && !rule_find(s.rule) &&
					 !(s.rule[0] == 'P' || s.rule[0] == 'p'))) {
				fprintf(stderr,
					"bpfverify: --suppress: unknown rule '%s' (see bpfverify "
					"rules)\n",
					s.rule);
				goto out;
			}
			if (!grow((void **)&c.supps, c.supp_cnt, sizeof(*c.supps)))
				goto nomem;
			c.supps[c.supp_cnt++] = s;
			break;
		}
		case OPT_COLOR:
			if (!optarg || !strcmp(optarg, "always"))
				c.color = 1;
			else if (!strcmp(optarg, "never"))
				c.color = 0;
			else if (!strcmp(optarg, "auto"))
				c.color = -1;
			else {
				fprintf(stderr, "bpfverify: --color wants auto, always or never\n");
				goto out;
			}
			break;
		case OPT_PATH_MAP: {
			struct pathmap m;

			if (!parse_pair(optarg, &m.from, &m.to, '=') || !*m.from) {
				fprintf(stderr, "bpfverify: --path-map wants OLD=NEW\n");
				goto out;
			}
			if (!grow((void **)&c.maps, c.map_cnt, sizeof(*c.maps)))
				goto nomem;
			c.maps[c.map_cnt++] = m;
			break;
		}
		case OPT_FAIL_IF:
			if (!grow((void **)&fail_if, fail_if_cnt, sizeof(*fail_if)))
				goto nomem;
			fail_if[fail_if_cnt++] = optarg;
			break;
		case 'h':
			usage(stdout);
			code = EXIT_OK;
			goto out;
		case OPT_VERSION:
			printf("bpfverify %s\n", BV_VERSION);
			code = EXIT_OK;
			goto out;
		default:
			usage(stderr);
			goto out;
		}
	}
	if (!strcmp(cmd, "rules")) {
		code = cmd_rules(fmt == FMT_JSON ? FMT_JSON : FMT_TEXT);
		goto out;
	}
	if (!strcmp(cmd, "explain")) {
		code = cmd_explain(argc - optind, argv + optind);
		goto out;
	}
	if (!strcmp(cmd, "compare")) {
		code = cmd_compare(argc - optind, argv + optind, fail_if, fail_if_cnt,
				   fmt < 0 ? FMT_TABLE : (enum out_fmt)fmt);
		goto out;
	}
	if (optind >= argc) {
		usage(stderr);
		goto out;
	}
	if (c.opt.kernel_btf && *c.opt.kernel_btf) {
		char why[320];

		if (bv_kernel_btf_check(&c.opt, why, sizeof(why))) {
			fprintf(stderr, "bpfverify: --btf: %s\n", why);
			goto out;
		}
	}
	if (!strcmp(cmd, "list"))
		code = cmd_list(&c, argc - optind, argv + optind);
	else if (!strcmp(cmd, "disasm"))
		code = cmd_disasm(&c, argc - optind, argv + optind);
	else if (!strcmp(cmd, "stats") && fmt >= 0 && fmt != FMT_TABLE && fmt != FMT_CSV &&
		 fmt != FMT_JSON)
		fprintf(stderr, "bpfverify: stats writes table, csv or json\n");
	else if (!strcmp(cmd, "stats"))
		code = cmd_stats(&c, fmt < 0 ? FMT_TABLE : (enum out_fmt)fmt, argc - optind,
				 argv + optind);
	else
		code = cmd_check(&c, fmt < 0 ? FMT_TEXT : fmt, fmt >= 0, outs, out_cnt,
				 argc - optind, argv + optind);
	goto out;
nomem:
	fprintf(stderr, "bpfverify: out of memory\n");
	code = EXIT_USAGE;
out:
	free(c.progs);
	free(c.supps);
	free(c.maps);
	free(fail_if);
	return code;
}

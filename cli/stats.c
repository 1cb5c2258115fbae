// SPDX-License-Identifier: MIT
/*
 * stats and compare: analysis cost per program in the manner of veristat
 * (verdict, duration, instructions processed, states, peak memory), and a
 * comparison of two CSV files written by `stats --format csv` or
 * `check --format csv` with a small expression language for regression gates.
 *
 * --fail-if grammar (doc/bpfverify.1, COMPARE EXPRESSIONS):
 *   expr    := and { ("||" | "or") and }
 *   and     := not { ("&&" | "and") not }
 *   not     := ("!" | "not") not | cmp
 *   cmp     := sum [ ("<" | "<=" | ">" | ">=" | "==" | "=" | "!=") sum ] [ "changed" ]
 *   sum     := prod { ("+" | "-") prod }
 *   prod    := unary { ("*" | "/") unary }
 *   unary   := "-" unary | NUMBER | STRING | NAME | "(" expr ")"
 * NAME is a column (its NEW value), old.COLUMN or new.COLUMN, or old / new: the old or
 * new value of the column named first in the comparison. Any other word is a string, so
 * `verdict == reject` works. `COLUMN changed` is true when the old and new values differ.
 * A comparison involving a missing value (a program only in one file) is false.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* ---- stats --------------------------------------------------------------------------------- */

int cmd_stats(const struct cli *c, enum out_fmt fmt, int argc, char **argv)
{
	struct run r;
	int code = run_verify(c, argc, argv, &r);

	if (code) {
		run_fini(&r);
		return code;
	}
	code = run_gate(c, &r) == EXIT_INPUT ? EXIT_INPUT : EXIT_OK;
	run_print_diags(&r, stderr);
	if (fmt == FMT_CSV) {
		out_csv_header(stdout, false);
		for (size_t i = 0; i < r.prog_cnt; i++)
			out_csv_row(stdout, &r, &r.progs[i], false);
	} else if (fmt == FMT_JSON) {
		printf("{\"version\":1,\"programs\":[");
		for (size_t i = 0; i < r.prog_cnt; i++) {
			const struct prec *p = &r.progs[i];

			printf("%s\n  {\"file\":", i ? "," : "");
			json_str(stdout, r.files[p->file_idx].path);
			printf(",\"section\":");
			json_str(stdout, p->section);
			printf(",\"function\":");
			json_str(stdout, p->func);
			printf(",\"type\":\"%s\",\"verdict\":\"%s\",\"insns\":%zu,"
			       "\"insns_processed\":%llu,\"states\":%llu,\"duration_us\":%llu,"
			       "\"peak_bytes\":%zu}",
			       bv_prog_type_name(p->type), bv_verdict_name(p->verdict), p->insn_cnt,
			       (unsigned long long)p->insns_processed,
			       (unsigned long long)p->states,
			       (unsigned long long)(p->seconds * 1e6 + 0.5), p->peak_bytes);
		}
		printf("\n]}\n");
	} else {
		printf("%-32s %-40s %-12s %12s %7s %10s %8s %10s\n", "File", "Program", "Verdict",
		       "Duration(us)", "Insns", "Processed", "States", "Peak(KiB)");
		for (size_t i = 0; i < r.prog_cnt; i++) {
			const struct prec *p = &r.progs[i];
			char prog[512];

			snprintf(prog, sizeof(prog), "%s/%s", p->section, p->func);
			printf("%-32s %-40s %-12s %12llu %7zu %10llu %8llu %10zu\n",
			       r.files[p->file_idx].path, prog, bv_verdict_name(p->verdict),
			       (unsigned long long)(p->seconds * 1e6 + 0.5), p->insn_cnt,
			       (unsigned long long)p->insns_processed,
			       (unsigned long long)p->states, (p->peak_bytes + 1023) / 1024);
		}
	}
	run_fini(&r);
	return code;
}

/* ---- CSV reading --------------------------------------------------------------------------- */

struct table {
	char **hdr;
	size_t ncol;
	char ***rows; /* rows[i][j], ncol strings each */
	size_t nrow;
};

/* Parse one CSV record from @s (RFC 4180 quoting); returns the fields or NULL at the end */
static char **csv_record(char **s, size_t *n)
{
	char **v = NULL;
	size_t cnt = 0, cap = 0;
	char *p = *s;

	if (!*p)
		return NULL;
	for (;;) {
		char *out, *start;

		if (cnt == cap) {
			char **nv = realloc(v, (cap = cap ? cap * 2 : 16) * sizeof(*v));

			if (!nv)
				goto fail;
			v = nv;
		}
		out = start = p;
		if (*p == '"') {
			p++;
			while (*p && !(*p == '"' && p[1] != '"')) {
				if (*p == '"')
					p++;
				*out++ = *p++;
			}
			if (*p == '"')
				p++;
		} else {
			while (*p && *p != ',' && *p != '\n' && *p != '\r')
				*out++ = *p++;
		}
		v[cnt++] = start;
		if (*p == ',') {
			*out = '\0';
			p++;
			continue;
		}
		if (*p == '\r')
			*p++ = '\0';
		if (*p == '\n')
			*p++ = '\0';
		*out = '\0';
		break;
	}
	*s = p;
	*n = cnt;
	return v;
fail:
	free(v);
	return NULL;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		return NULL;
	do {
		if (len + 4096 + 1 > cap) {
			char *nb = realloc(buf, cap = cap ? cap * 2 : 65536);

			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n);
	fclose(f);
	if (buf)
		buf[len] = '\0';
	return buf;
}

static void table_free(struct table *t)
{
	for (size_t i = 0; i < t->nrow; i++)
		free(t->rows[i]);
	free(t->rows);
	free(t->hdr);
}

/* Read @path into @t (strings point into *@buf). Returns 0 or EXIT_INPUT after a message. */
static int table_read(const char *path, char **buf, struct table *t)
{
	char *p;
	size_t n;

	memset(t, 0, sizeof(*t));
	*buf = slurp(path);
	if (!*buf) {
		fprintf(stderr, "bpfverify: cannot read %s\n", path);
		return EXIT_INPUT;
	}
	p = *buf;
	t->hdr = csv_record(&p, &t->ncol);
	if (!t->hdr) {
		fprintf(stderr, "%s: error: empty CSV file\n", path);
		return EXIT_INPUT;
	}
	for (;;) {
		char **rec;
		char ***nr;

		while (*p == '\n' || *p == '\r')
			p++;
		rec = csv_record(&p, &n);
		if (!rec)
			break;
		if (n != t->ncol) {
			fprintf(stderr, "%s:%zu: error: %zu fields, the header has %zu\n", path,
				t->nrow + 2, n, t->ncol);
			free(rec);
			return EXIT_INPUT;
		}
		nr = realloc(t->rows, (t->nrow + 1) * sizeof(*nr));
		if (!nr) {
			free(rec);
			return EXIT_INPUT;
		}
		t->rows = nr;
		t->rows[t->nrow++] = rec;
	}
	return 0;
}

static int col_of(const struct table *t, const char *name)
{
	for (size_t i = 0; i < t->ncol; i++)
		if (!strcmp(t->hdr[i], name))
			return (int)i;
	return -1;
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

/* ---- expressions --------------------------------------------------------------------------- */

struct val {
	enum { V_MISSING, V_NUM, V_STR } kind;
	double num;
	char str[128];
};

struct ectx {
	const char *s; /* cursor */
	const char *err;
	const struct table *ta, *tb;
	char **ra, **rb; /* NULL when the program is missing on that side */
	char lhs_col[128]; /* column named first in the current comparison */
};

static struct val cell(const struct table *t, char **row, const char *col)
{
	struct val v = { .kind = V_MISSING };
	int i = col_of(t, col);
	char *end;

	if (!row || i < 0)
		return v;
	v.num = strtod(row[i], &end);
	if (*row[i] && !*end) {
		v.kind = V_NUM;
	} else {
		v.kind = V_STR;
		snprintf(v.str, sizeof(v.str), "%s", row[i]);
	}
	return v;
}

static void skip_ws(struct ectx *e)
{
	while (isspace((unsigned char)*e->s))
		e->s++;
}

/* Consume @tok (a word must end at a word boundary) */
static bool accept_tok(struct ectx *e, const char *tok)
{
	size_t n = strlen(tok);

	skip_ws(e);
	if (strncmp(e->s, tok, n))
		return false;
	if (isalpha((unsigned char)tok[0]) && (isalnum((unsigned char)e->s[n]) || e->s[n] == '_'))
		return false;
	e->s += n;
	return true;
}

static struct val expr_or(struct ectx *e);

static struct val num(double d)
{
	struct val v = { .kind = V_NUM, .num = d };

	return v;
}

static struct val primary(struct ectx *e)
{
	struct val v = { .kind = V_MISSING };
	char word[128];
	size_t n = 0;

	skip_ws(e);
	if (accept_tok(e, "(")) {
		v = expr_or(e);
		if (!accept_tok(e, ")"))
			e->err = "missing )";
		return v;
	}
	if (accept_tok(e, "-")) {
		v = primary(e);
		if (v.kind == V_NUM)
			v.num = -v.num;
		return v;
	}
	if (isdigit((unsigned char)*e->s) || *e->s == '.') {
		char *end;

		v = num(strtod(e->s, &end));
		e->s = end;
		if (*e->s == '%') { /* 120% reads as 1.2 */
			v.num /= 100;
			e->s++;
		}
		return v;
	}
	if (*e->s == '"' || *e->s == '\'') {
		char q = *e->s++;

		while (*e->s && *e->s != q && n + 1 < sizeof(word))
			word[n++] = *e->s++;
		if (*e->s != q)
			e->err = "unterminated string";
		else
			e->s++;
		word[n] = '\0';
		v.kind = V_STR;
		snprintf(v.str, sizeof(v.str), "%s", word);
		return v;
	}
	while ((isalnum((unsigned char)*e->s) || *e->s == '_' || *e->s == '.') &&
	       n + 1 < sizeof(word))
		word[n++] = *e->s++;
	word[n] = '\0';
	if (!n) {
		e->err = *e->s ? "unexpected character" : "unexpected end of expression";
		return v;
	}
	if (!strcmp(word, "old") || !strcmp(word, "new")) {
		if (!e->lhs_col[0]) {
			e->err = "old/new need a column on the left of the comparison";
			return v;
		}
		return word[0] == 'o' ? cell(e->ta, e->ra, e->lhs_col)
				      : cell(e->tb, e->rb, e->lhs_col);
	}
	if (!strncmp(word, "old.", 4) || !strncmp(word, "new.", 4)) {
		bool old = word[0] == 'o';

		if (col_of(old ? e->ta : e->tb, word + 4) < 0) {
			e->err = "unknown column";
			return v;
		}
		if (!e->lhs_col[0])
			snprintf(e->lhs_col, sizeof(e->lhs_col), "%s", word + 4);
		return old ? cell(e->ta, e->ra, word + 4) : cell(e->tb, e->rb, word + 4);
	}
	if (col_of(e->tb, word) >= 0) {
		if (!e->lhs_col[0])
			snprintf(e->lhs_col, sizeof(e->lhs_col), "%s", word);
		return cell(e->tb, e->rb, word);
	}
	v.kind = V_STR; /* a bare word: `verdict == reject` */
	snprintf(v.str, sizeof(v.str), "%s", word);
	return v;
}

static struct val prod(struct ectx *e)
{
	struct val a = primary(e);

	for (;;) {
		bool mul = accept_tok(e, "*");
		struct val b;

		if (!mul && !accept_tok(e, "/"))
			return a;
		b = primary(e);
		if (a.kind != V_NUM || b.kind != V_NUM)
			a.kind = V_MISSING;
		else
			a.num = mul ? a.num * b.num : (b.num != 0 ? a.num / b.num : INFINITY);
	}
}

static struct val sum(struct ectx *e)
{
	struct val a = prod(e);

	for (;;) {
		bool add;
		struct val b;

		skip_ws(e);
		if (e->s[0] == '+')
			add = true;
		else if (e->s[0] == '-')
			add = false;
		else
			return a;
		e->s++;
		b = prod(e);
		if (a.kind != V_NUM || b.kind != V_NUM)
			a.kind = V_MISSING;
		else
			a.num = add ? a.num + b.num : a.num - b.num;
	}
}

static bool val_eq(struct val a, struct val b)
{
	if (a.kind == V_NUM && b.kind == V_NUM)
		return a.num == b.num;
	if (a.kind == V_STR && b.kind == V_STR)
		return !strcmp(a.str, b.str);
	return false;
}

static struct val cmp(struct ectx *e)
{
	static const char *const ops[] = { "<=", ">=", "==", "!=", "<", ">", "=" };
	char saved[128];
	struct val a, b;
	int op = -1;

	memcpy(saved, e->lhs_col, sizeof(saved));
	e->lhs_col[0] = '\0';
	a = sum(e);
	if (accept_tok(e, "changed")) {
		struct val o = cell(e->ta, e->ra, e->lhs_col), n = cell(e->tb, e->rb, e->lhs_col);

		if (!e->lhs_col[0])
			e->err = "changed needs a column";
		a = num(!(o.kind == V_MISSING && n.kind == V_MISSING) && !val_eq(o, n));
		memcpy(e->lhs_col, saved, sizeof(saved));
		return a;
	}
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]) && op < 0; i++)
		if (accept_tok(e, ops[i]))
			op = (int)i;
	if (op < 0) {
		memcpy(e->lhs_col, saved, sizeof(saved));
		return a;
	}
	b = sum(e);
	memcpy(e->lhs_col, saved, sizeof(saved));
	if (a.kind == V_MISSING || b.kind == V_MISSING)
		return num(0);
	switch (op) {
	case 2:
	case 6:
		return num(val_eq(a, b));
	case 3:
		return num(!val_eq(a, b));
	default:
		if (a.kind != V_NUM || b.kind != V_NUM) {
			e->err = "ordering needs numbers";
			return num(0);
		}
		return num(op == 0   ? a.num <= b.num
			   : op == 1 ? a.num >= b.num
			   : op == 4 ? a.num < b.num
				     : a.num > b.num);
	}
}

static bool truthy(struct val v)
{
	return v.kind == V_NUM ? v.num != 0 : v.kind == V_STR && v.str[0];
}

static struct val expr_not(struct ectx *e)
{
	if (accept_tok(e, "!") || accept_tok(e, "not"))
		return num(!truthy(expr_not(e)));
	return cmp(e);
}

static struct val expr_and(struct ectx *e)
{
	struct val a = expr_not(e);

	while (accept_tok(e, "&&") || accept_tok(e, "and")) {
		struct val b = expr_not(e);

		a = num(truthy(a) && truthy(b));
	}
	return a;
}

static struct val expr_or(struct ectx *e)
{
	struct val a = expr_and(e);

	while (accept_tok(e, "||") || accept_tok(e, "or")) {
		struct val b = expr_and(e);

		a = num(truthy(a) || truthy(b));
	}
	return a;
}

/* Evaluate @expr for one joined row: 1 true, 0 false, -1 syntax error (message printed) */
static int eval(const char *expr, const struct table *ta, char **ra, const struct table *tb,
		char **rb)
{
	struct ectx e = { .s = expr, .ta = ta, .tb = tb, .ra = ra, .rb = rb };
	struct val v = expr_or(&e);

	skip_ws(&e);
	if (!e.err && *e.s)
		e.err = "unexpected text";
	if (e.err) {
		fprintf(stderr, "bpfverify: --fail-if '%s': %s at '%s'\n", expr, e.err, e.s);
		return -1;
	}
	return truthy(v);
}

/* ---- compare ------------------------------------------------------------------------------- */

static const char *const num_cols[] = { "insns_processed", "states", "duration_us", "peak_bytes",
					"insns" };

static char **find_row(const struct table *t, int cf, int cs, int cfn, const char *file,
		       const char *sec, const char *func)
{
	for (size_t i = 0; i < t->nrow; i++)
		if (!strcmp(base_name(t->rows[i][cf]), base_name(file)) &&
		    !strcmp(t->rows[i][cs], sec) && !strcmp(t->rows[i][cfn], func))
			return t->rows[i];
	return NULL;
}

int cmd_compare(int argc, char **argv, const char *const *fail_if, size_t fail_if_cnt,
		enum out_fmt fmt)
{
	struct table ta, tb;
	char *ba = NULL, *bb = NULL;
	int code = EXIT_OK, cfa, csa, cna, cfb, csb, cnb, cva, cvb;
	bool csv = fmt == FMT_CSV;
	size_t failures = 0;

	memset(&ta, 0, sizeof(ta));
	memset(&tb, 0, sizeof(tb));
	if (argc != 2) {
		fprintf(stderr, "usage: bpfverify compare OLD.csv NEW.csv [--fail-if EXPR]...\n");
		return EXIT_USAGE;
	}
	if (table_read(argv[0], &ba, &ta) || table_read(argv[1], &bb, &tb)) {
		code = EXIT_INPUT;
		goto out;
	}
	cfa = col_of(&ta, "file"), csa = col_of(&ta, "section"), cna = col_of(&ta, "function");
	cfb = col_of(&tb, "file"), csb = col_of(&tb, "section"), cnb = col_of(&tb, "function");
	cva = col_of(&ta, "verdict"), cvb = col_of(&tb, "verdict");
	if (cfa < 0 || csa < 0 || cna < 0 || cfb < 0 || csb < 0 || cnb < 0 || cva < 0 || cvb < 0) {
		fprintf(stderr, "bpfverify: compare needs the columns file, section, function and "
				"verdict (write them with stats --format csv)\n");
		code = EXIT_INPUT;
		goto out;
	}
	/* syntax check once, so a typo is a usage error even with no rows */
	for (size_t k = 0; k < fail_if_cnt; k++)
		if (eval(fail_if[k], &ta, NULL, &tb, NULL) < 0) {
			code = EXIT_USAGE;
			goto out;
		}
	if (csv) {
		printf("file,section,function,verdict_old,verdict_new");
		for (size_t k = 0; k < sizeof(num_cols) / sizeof(num_cols[0]); k++)
			printf(",%s_old,%s_new,%s_diff,%s_pct", num_cols[k], num_cols[k],
			       num_cols[k], num_cols[k]);
		printf("\n");
	} else {
		printf("%-28s %-36s %-27s %21s %21s %21s\n", "File", "Program",
		       "Verdict (old -> new)", "Processed (old/new)", "States (old/new)",
		       "Duration us (old/new)");
	}
	/* rows of NEW in order, then rows only in OLD */
	for (size_t pass = 0; pass < 2; pass++) {
		const struct table *t = pass ? &ta : &tb;

		for (size_t i = 0; i < t->nrow; i++) {
			char **row = t->rows[i];
			int cf = pass ? cfa : cfb, cs = pass ? csa : csb, cn = pass ? cna : cnb;
			char **ra = pass ? row
					 : find_row(&ta, cfa, csa, cna, row[cf], row[cs], row[cn]);
			char **rb = pass ? NULL : row;
			char prog[512], verd[64];

			if (pass && find_row(&tb, cfb, csb, cnb, row[cf], row[cs], row[cn]))
				continue;
			snprintf(prog, sizeof(prog), "%s/%s", row[cs], row[cn]);
			snprintf(verd, sizeof(verd), "%s -> %s", ra ? ra[cva] : "(none)",
				 rb ? rb[cvb] : "(none)");
			if (csv) {
				csv_field(stdout, row[cf]);
				putchar(',');
				csv_field(stdout, row[cs]);
				putchar(',');
				csv_field(stdout, row[cn]);
				printf(",%s,%s", ra ? ra[cva] : "", rb ? rb[cvb] : "");
				for (size_t k = 0; k < sizeof(num_cols) / sizeof(num_cols[0]);
				     k++) {
					struct val a = cell(&ta, ra, num_cols[k]);
					struct val b = cell(&tb, rb, num_cols[k]);

					if (a.kind == V_NUM)
						printf(",%.0f", a.num);
					else
						printf(",");
					if (b.kind == V_NUM)
						printf(",%.0f", b.num);
					else
						printf(",");
					if (a.kind == V_NUM && b.kind == V_NUM) {
						printf(",%.0f,", b.num - a.num);
						if (a.num != 0)
							printf("%.1f",
							       (b.num - a.num) * 100 / a.num);
					} else {
						printf(",,");
					}
				}
				putchar('\n');
			} else {
				char cols[3][32];
				const char *names[3] = { "insns_processed", "states",
							 "duration_us" };

				for (int k = 0; k < 3; k++) {
					struct val a = cell(&ta, ra, names[k]);
					struct val b = cell(&tb, rb, names[k]);
					char sa[16] = "-", sb[16] = "-";

					if (a.kind == V_NUM)
						snprintf(sa, sizeof(sa), "%.0f", a.num);
					if (b.kind == V_NUM)
						snprintf(sb, sizeof(sb), "%.0f", b.num);
					snprintf(cols[k], sizeof(cols[k]), "%s/%s", sa, sb);
				}
				printf("%-28s %-36s %-27s %21s %21s %21s\n", base_name(row[cf]),
				       prog, verd, cols[0], cols[1], cols[2]);
			}
			for (size_t k = 0; k < fail_if_cnt; k++) {
				if (eval(fail_if[k], &ta, ra, &tb, rb) == 1) {
					fprintf(stderr, "bpfverify: %s:%s: --fail-if '%s' holds\n",
						row[cf], prog, fail_if[k]);
					failures++;
				}
			}
		}
	}
	if (failures)
		code = EXIT_REJECT;
out:
	table_free(&ta);
	table_free(&tb);
	free(ba);
	free(bb);
	return code;
}

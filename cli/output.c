// SPDX-License-Identifier: MIT
/*
 * output: renders the records of a run as text (compiler-style, for people),
 * gcc (one line per finding, for editors and problem matchers), github
 * (workflow-command annotations), tsv (the stable script format), csv and
 * JSON (schema in doc/json-schema.md). SARIF lives in sarif.c.
 */
#include <string.h>

#include "cli.h"

/* keep in sync with enum out_fmt */
static const char *const fmt_names[FMT_CNT] = {
	[FMT_TEXT] = "text",	 [FMT_GCC] = "gcc", [FMT_JSON] = "json", [FMT_SARIF] = "sarif",
	[FMT_GITHUB] = "github", [FMT_CSV] = "csv", [FMT_TSV] = "tsv",	 [FMT_TABLE] = "table",
};

int fmt_parse(const char *s)
{
	for (int i = 0; i < FMT_CNT; i++)
		if (!strcmp(s, fmt_names[i]))
			return i;
	return -1;
}

const char *fmt_name(enum out_fmt f)
{
	return (unsigned)f < FMT_CNT ? fmt_names[f] : "?";
}

void json_str(FILE *f, const char *s)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			fprintf(f, "\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", f);
		else if (ch == '\t')
			fputs("\\t", f);
		else if (ch == '\r')
			fputs("\\r", f);
		else if (ch < 0x20 || ch == 0x7f)
			fprintf(f, "\\u%04x", ch);
		else
			fputc(ch, f);
	}
	fputc('"', f);
}

void csv_field(FILE *f, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\n\r")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void tsv_field(FILE *f, const char *s)
{
	for (; s && *s; s++)
		fputc(*s == '\t' || *s == '\n' ? ' ' : *s, f);
}

/* ---- text ---------------------------------------------------------------------------------- */

struct colors {
	const char *bold, *err, *warn, *note, *caret, *ok, *off;
};

static struct colors colors_for(bool on)
{
	if (!on)
		return (struct colors){ "", "", "", "", "", "", "" };
	return (struct colors){ "\033[1m",    "\033[1;31m", "\033[1;35m", "\033[1;36m",
				"\033[1;32m", "\033[32m",   "\033[0m" };
}

static const char *hint_for(const char *rule, const char *name, const char *msg)
{
	const struct rule_info *ri = rule_find(rule);

	/* inconclusive for want of the kernel's BTF: say how to give it */
	if (msg && (strstr(msg, "kernel's BTF") || strstr(msg, "kernel BTF")))
		return "pass the BTF of the kernel you deploy to with --btf FILE (its "
		       "/sys/kernel/btf/vmlinux)";

	if (!ri || (name && strcmp(ri->name, name) && (!ri->alias || strcmp(ri->alias, name))))
		ri = name ? rule_find(name) : ri;
	return ri ? ri->hint : NULL;
}

/* The caret line: keep the tabs of the source prefix so the caret lines up */
static void print_caret(FILE *f, const char *src, uint32_t col, const struct colors *k)
{
	size_t len = strlen(src);

	fputs("      | ", f);
	for (uint32_t i = 0; i + 1 < col; i++)
		fputc(i < len && src[i] == '\t' ? '\t' : ' ', f);
	fprintf(f, "%s^%s\n", k->caret, k->off);
}

static void text_finding(const struct cli *c, FILE *f, const struct filerec *fr,
			 const struct prec *p, const struct frec *fd, const struct colors *k)
{
	const char *lvl = finding_level(p);
	const char *lc = !strcmp(lvl, "error") ? k->err : k->warn;
	const char *hint = hint_for(fd->rule, fd->rule_name, fd->msg);

	fputs(k->bold, f);
	if (fd->src_file)
		fprintf(f, "%s:%u:%u:", fd->src_file, fd->line, fd->col);
	else if (fd->pc >= 0)
		fprintf(f, "%s:%s/%s+%lld:", fr->path, p->section, p->func, (long long)fd->pc);
	else
		fprintf(f, "%s:%s/%s:", fr->path, p->section, p->func);
	fprintf(f, "%s %s%s:%s %s [%s %s]\n", k->off, lc, lvl, k->off, fd->msg, fd->rule,
		fd->rule_name);
	if (fd->src_file && fd->src_line && *fd->src_line) {
		fprintf(f, "%5u | %s\n", fd->line, fd->src_line);
		if (fd->col)
			print_caret(f, fd->src_line, fd->col, k);
	}
	if (fd->pc >= 0 && fd->insn && *fd->insn)
		fprintf(f, "  %snote:%s insn %lld: %s\n", k->note, k->off, (long long)fd->pc,
			fd->insn);
	if (c->opt.verbose && fd->state)
		fprintf(f, "  %snote:%s state: %s\n", k->note, k->off, fd->state);
	if (c->opt.verbose && fd->trace) {
		const char *t = fd->trace;

		fprintf(f, "  %snote:%s path before it:\n", k->note, k->off);
		while (*t) {
			const char *nl = strchr(t, '\n');
			int n = nl ? (int)(nl - t) : (int)strlen(t);

			fprintf(f, "        %.*s\n", n, t);
			t += n + (nl ? 1 : 0);
		}
	}
	if (hint)
		fprintf(f, "  %shint:%s %s; see: bpfverify explain %s\n", k->note, k->off, hint,
			fd->rule);
}

static const char *supp_name(enum supp s)
{
	return s == SUPP_BASELINE ? "baseline" : "--suppress";
}

static void render_text(const struct cli *c, const struct run *r, FILE *f, bool color)
{
	struct colors k = colors_for(color);
	size_t n[4] = { 0 };

	for (size_t fi = 0; fi < r->file_cnt; fi++) {
		const struct filerec *fr = &r->files[fi];
		bool g_noted = false;

		for (size_t i = fr->first; i < fr->first + fr->cnt; i++) {
			const struct prec *p = &r->progs[i];
			const char *vc = p->verdict == BV_ACCEPT	 ? k.ok
					 : p->verdict == BV_INCONCLUSIVE ? k.warn
									 : k.err;
			bool live_pc = false;

			n[p->verdict <= BV_ERROR ? p->verdict : BV_ERROR]++;
			fprintf(f, "%s:%s/%s: %s%s%s\n", fr->path, p->section, p->func, vc,
				bv_verdict_name(p->verdict), k.off);
			for (size_t j = 0; j < p->f_cnt; j++) {
				const struct frec *fd = &p->f[j];

				if (fd->supp != SUPP_NONE) {
					fprintf(f,
						"  %snote:%s known finding [%s %s] suppressed by %s\n",
						k.note, k.off, fd->rule, fd->rule_name,
						supp_name(fd->supp));
					continue;
				}
				text_finding(c, f, fr, p, fd, &k);
				if (!fd->src_file && fd->pc >= 0)
					live_pc = true;
			}
			if (live_pc && !p->has_line_info && !g_noted) {
				fprintf(f, "  %snote:%s compile with -g to get source locations\n",
					k.note, k.off);
				g_noted = true;
			}
		}
	}
	if (r->prog_cnt > 1)
		fprintf(f,
			"%zu programs: %zu accepted, %zu rejected, %zu inconclusive, %zu errors\n",
			r->prog_cnt, n[BV_ACCEPT], n[BV_REJECT], n[BV_INCONCLUSIVE], n[BV_ERROR]);
}

/* ---- gcc ----------------------------------------------------------------------------------- */

static void render_gcc(const struct run *r, FILE *f)
{
	for (size_t i = 0; i < r->prog_cnt; i++) {
		const struct prec *p = &r->progs[i];
		const char *path = r->files[p->file_idx].path;

		for (size_t j = 0; j < p->f_cnt; j++) {
			const struct frec *fd = &p->f[j];

			if (fd->supp != SUPP_NONE)
				continue;
			if (fd->src_file)
				fprintf(f, "%s:%u:%u: %s: %s [%s %s]\n", fd->src_file, fd->line,
					fd->col, finding_level(p), fd->msg, fd->rule,
					fd->rule_name);
			else if (fd->pc >= 0)
				fprintf(f, "%s: %s: %s/%s+%lld: %s [%s %s]\n", path,
					finding_level(p), p->section, p->func, (long long)fd->pc,
					fd->msg, fd->rule, fd->rule_name);
			else
				fprintf(f, "%s: %s: %s/%s: %s [%s %s]\n", path, finding_level(p),
					p->section, p->func, fd->msg, fd->rule, fd->rule_name);
		}
	}
}

/* ---- github -------------------------------------------------------------------------------- */

/* Workflow commands escape %, CR and LF in data, and also : and , in properties */
static void gh_escape(FILE *f, const char *s, bool prop)
{
	for (; s && *s; s++) {
		if (*s == '%')
			fputs("%25", f);
		else if (*s == '\r')
			fputs("%0D", f);
		else if (*s == '\n')
			fputs("%0A", f);
		else if (prop && *s == ':')
			fputs("%3A", f);
		else if (prop && *s == ',')
			fputs("%2C", f);
		else
			fputc(*s, f);
	}
}

static void gh_diags(FILE *f, const struct bv_diags *d)
{
	for (size_t k = 0; k < d->cnt; k++) {
		const struct bv_diag *dg = &d->v[k];

		if (dg->sev != BV_SEV_ERROR)
			continue;
		fputs("::error file=", f);
		gh_escape(f, dg->file ? dg->file : "bpfverify", true);
		fputs(",title=bpfverify::", f);
		if (dg->section) {
			gh_escape(f, dg->section, false);
			if (dg->func) {
				fputc('/', f);
				gh_escape(f, dg->func, false);
			}
			if (dg->pc >= 0)
				fprintf(f, "+%lld", (long long)dg->pc);
			fputs(": ", f);
		}
		gh_escape(f, dg->msg, false);
		fputc('\n', f);
	}
}

static void render_github(const struct run *r, FILE *f)
{
	for (size_t fi = 0; fi < r->file_cnt; fi++) {
		const struct filerec *fr = &r->files[fi];

		gh_diags(f, &fr->diags);
		for (size_t i = fr->first; i < fr->first + fr->cnt; i++) {
			const struct prec *p = &r->progs[i];

			gh_diags(f, &p->diags);
			for (size_t j = 0; j < p->f_cnt; j++) {
				const struct frec *fd = &p->f[j];
				char title[128];

				if (fd->supp != SUPP_NONE)
					continue;
				fprintf(f, "::%s file=", finding_level(p));
				gh_escape(f, fd->src_file ? fd->src_file : fr->path, true);
				if (fd->src_file)
					fprintf(f, ",line=%u,col=%u", fd->line, fd->col);
				snprintf(title, sizeof(title), "%s %s", fd->rule, fd->rule_name);
				fputs(",title=", f);
				gh_escape(f, title, true);
				fputs("::", f);
				gh_escape(f, fd->msg, false);
				fprintf(f, " (%s:%s/%s", fr->path, p->section, p->func);
				if (fd->pc >= 0 && fd->insn && *fd->insn) {
					fprintf(f, ", insn %lld: ", (long long)fd->pc);
					gh_escape(f, fd->insn, false);
				}
				fputs(")\n", f);
			}
		}
	}
}

/* ---- tsv and csv --------------------------------------------------------------------------- */

/* One line per program: file, section, function, verdict, rule, pc, message. Scripts depend on
 * these seven columns: add new ones at the end, never reorder. */
static void render_tsv(const struct run *r, FILE *f)
{
	for (size_t i = 0; i < r->prog_cnt; i++) {
		const struct prec *p = &r->progs[i];
		const struct frec *fd = p->f_cnt ? &p->f[0] : NULL;

		fprintf(f, "%s\t%s\t%s\t", r->files[p->file_idx].path, p->section, p->func);
		if (p->verdict == BV_ERROR && !fd) {
			fputs("error\t\t\tmalformed program\n", f);
			continue;
		}
		fprintf(f, "%s\t", bv_verdict_name(p->verdict));
		if (fd) {
			fprintf(f, "%s\t%lld\t", fd->rule, (long long)fd->pc);
			tsv_field(f, fd->msg);
		} else {
			fputs("\t\t", f);
		}
		fputc('\n', f);
	}
}

/* Shared by check --format csv (with the finding columns) and stats --format csv */
void out_csv_header(FILE *f, bool findings)
{
	fputs("file,section,function,type,verdict,insns,insns_processed,states,duration_us,peak_bytes",
	      f);
	if (findings)
		fputs(",rule,rule_name,pc,source_file,line,column,message,suppressed", f);
	fputc('\n', f);
}

void out_csv_row(FILE *f, const struct run *r, const struct prec *p, bool findings)
{
	const struct frec *fd = p->f_cnt ? &p->f[0] : NULL;

	csv_field(f, r->files[p->file_idx].path);
	fputc(',', f);
	csv_field(f, p->section);
	fputc(',', f);
	csv_field(f, p->func);
	fprintf(f, ",%s,%s,%zu,%llu,%llu,%llu,%zu", bv_prog_type_name(p->type),
		bv_verdict_name(p->verdict), p->insn_cnt, (unsigned long long)p->insns_processed,
		(unsigned long long)p->states, (unsigned long long)(p->seconds * 1e6 + 0.5),
		p->peak_bytes);
	if (findings) {
		if (fd) {
			fprintf(f, ",%s,%s,%lld,", fd->rule, fd->rule_name, (long long)fd->pc);
			csv_field(f, fd->src_file);
			if (fd->src_file)
				fprintf(f, ",%u,%u,", fd->line, fd->col);
			else
				fputs(",,,", f);
			csv_field(f, fd->msg);
			fprintf(f, ",%s",
				fd->supp == SUPP_NONE	    ? ""
				: fd->supp == SUPP_BASELINE ? "baseline"
							    : "rule");
		} else {
			fputs(",,,,,,,,", f);
		}
	}
	fputc('\n', f);
}

static void render_csv(const struct run *r, FILE *f)
{
	out_csv_header(f, true);
	for (size_t i = 0; i < r->prog_cnt; i++)
		out_csv_row(f, r, &r->progs[i], true);
}

/* ---- json ---------------------------------------------------------------------------------- */

static void json_diags(FILE *f, const struct bv_diags *d, bool *first)
{
	static const char *const sev[] = { "error", "warning", "note" };

	for (size_t k = 0; k < d->cnt; k++) {
		const struct bv_diag *dg = &d->v[k];

		fprintf(f, "%s\n  {\"severity\":\"%s\",\"file\":", *first ? "" : ",",
			sev[dg->sev <= BV_SEV_NOTE ? dg->sev : BV_SEV_NOTE]);
		*first = false;
		json_str(f, dg->file);
		fputs(",\"section\":", f);
		json_str(f, dg->section);
		fputs(",\"function\":", f);
		json_str(f, dg->func);
		fprintf(f, ",\"pc\":%lld,\"message\":", (long long)dg->pc);
		json_str(f, dg->msg);
		fputc('}', f);
	}
}

static void json_finding(FILE *f, const struct prec *p, const struct frec *fd, bool verbose)
{
	char fp[17];
	const char *hint = hint_for(fd->rule, fd->rule_name, fd->msg);

	finding_fingerprint(p, fd, fp);
	fputs("{\"rule\":", f);
	json_str(f, fd->rule);
	fputs(",\"name\":", f);
	json_str(f, fd->rule_name);
	fprintf(f, ",\"severity\":\"%s\",\"pc\":%lld,\"message\":", finding_level(p),
		(long long)fd->pc);
	json_str(f, fd->msg);
	fputs(",\"instruction\":", f);
	json_str(f, fd->insn);
	if (fd->src_file) {
		fputs(",\"file\":", f);
		json_str(f, fd->src_file);
		fprintf(f, ",\"line\":%u,\"column\":%u,\"source\":", fd->line, fd->col);
		json_str(f, fd->src_line);
	}
	if (verbose) {
		fputs(",\"state\":", f);
		json_str(f, fd->state);
	}
	fputs(",\"hint\":", f);
	json_str(f, hint);
	fprintf(f, ",\"fingerprint\":\"%s\",\"suppressed\":", fp);
	json_str(f, fd->supp == SUPP_NONE ? NULL : fd->supp == SUPP_BASELINE ? "baseline" : "rule");
	fputc('}', f);
}

static void render_json(const struct cli *c, const struct run *r, FILE *f)
{
	size_t n[4] = { 0 };
	bool first = true;

	fprintf(f,
		"{\"version\":1,\"tool\":\"bpfverify %s\",\"tool_version\":\"%s\",\"kernel_btf\":",
		BV_VERSION, BV_VERSION);
	json_str(f, bv_kernel_btf_path(&c->opt));
	fputs(",\"programs\":[", f);
	for (size_t i = 0; i < r->prog_cnt; i++) {
		const struct prec *p = &r->progs[i];

		n[p->verdict <= BV_ERROR ? p->verdict : BV_ERROR]++;
		fprintf(f, "%s\n  {\"file\":", i ? "," : "");
		json_str(f, r->files[p->file_idx].path);
		fputs(",\"section\":", f);
		json_str(f, p->section);
		fputs(",\"function\":", f);
		json_str(f, p->func);
		fprintf(f,
			",\"type\":\"%s\",\"verdict\":\"%s\",\"insns\":%zu,\"insns_processed\":%llu,"
			"\"states\":%llu,\"seconds\":%.6f,\"peak_bytes\":%zu,\"has_line_info\":%s",
			bv_prog_type_name(p->type), bv_verdict_name(p->verdict), p->insn_cnt,
			(unsigned long long)p->insns_processed, (unsigned long long)p->states,
			p->seconds, p->peak_bytes, p->has_line_info ? "true" : "false");
		if (p->f_cnt) {
			fputs(",\"finding\":", f);
			json_finding(f, p, &p->f[0], c->opt.verbose);
		}
		fputs(",\"findings\":[", f);
		for (size_t j = 0; j < p->f_cnt; j++) {
			if (j)
				fputc(',', f);
			json_finding(f, p, &p->f[j], c->opt.verbose);
		}
		fputs("]}", f);
	}
	fputs("\n],\"diagnostics\":[", f);
	for (size_t fi = 0; fi < r->file_cnt; fi++) {
		const struct filerec *fr = &r->files[fi];

		json_diags(f, &fr->diags, &first);
		for (size_t i = fr->first; i < fr->first + fr->cnt; i++)
			json_diags(f, &r->progs[i].diags, &first);
	}
	fprintf(f,
		"\n],\"summary\":{\"files\":%zu,\"programs\":%zu,\"accepted\":%zu,\"rejected\":%zu,"
		"\"inconclusive\":%zu,\"errors\":%zu},\"exit_code\":%d}\n",
		r->file_cnt, r->prog_cnt, n[BV_ACCEPT], n[BV_REJECT], n[BV_INCONCLUSIVE],
		n[BV_ERROR], r->exit_code);
}

void out_render(const struct cli *c, const struct run *r, const struct sink *s)
{
	switch (s->fmt) {
	case FMT_GCC:
		render_gcc(r, s->f);
		break;
	case FMT_JSON:
		render_json(c, r, s->f);
		break;
	case FMT_SARIF:
		sarif_render(c, r, s->f);
		break;
	case FMT_GITHUB:
		render_github(r, s->f);
		break;
	case FMT_CSV:
		render_csv(r, s->f);
		break;
	case FMT_TSV:
		render_tsv(r, s->f);
		break;
	default:
		render_text(c, r, s->f, s->color);
		break;
	}
}

// SPDX-License-Identifier: MIT
/*
 * sarif: SARIF 2.1.0 output for GitHub code scanning and other viewers. One
 * run; tool.driver.rules lists every rule (stable ids such as "P5.2"); each
 * unsuppressed or baselined finding is a result whose primary location is the
 * source line from BTF line info (repo-relative via %SRCROOT%), or the object
 * file when there is none, with the failing instruction as a related location
 * and a one-step code flow. Files that could not be loaded become tool
 * execution notifications.
 */
#include <string.h>

#include "cli.h"

/* Percent-encode a path for a URI reference: keep unreserved characters and '/' */
static void uri_path(FILE *f, const char *p)
{
	for (; *p; p++) {
		unsigned char ch = (unsigned char)*p;

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || strchr("-._~/", ch))
			fputc(ch, f);
		else
			fprintf(f, "%%%02X", ch);
	}
}

static void artifact(FILE *f, const char *path)
{
	fputs("\"artifactLocation\":{\"uri\":\"", f);
	if (path[0] == '/') {
		fputs("file://", f);
		uri_path(f, path);
		fputs("\"}", f);
	} else {
		uri_path(f, path[0] == '.' && path[1] == '/' ? path + 2 : path);
		fputs("\",\"uriBaseId\":\"%SRCROOT%\"}", f);
	}
}

static void phys(FILE *f, const struct filerec *fr, const struct frec *fd)
{
	fputs("\"physicalLocation\":{", f);
	if (fd->src_file) {
		artifact(f, fd->src_file);
		fprintf(f, ",\"region\":{\"startLine\":%u", fd->line);
		if (fd->col)
			fprintf(f, ",\"startColumn\":%u", fd->col);
		if (fd->src_line && *fd->src_line) {
			fputs(",\"snippet\":{\"text\":", f);
			json_str(f, fd->src_line);
			fputc('}', f);
		}
		fputc('}', f);
	} else {
		/* code scanning needs a start line even for a binary artifact */
		artifact(f, fr->path);
		fputs(",\"region\":{\"startLine\":1}", f);
	}
	fputc('}', f);
}

static void text_obj(FILE *f, const char *key, const char *text)
{
	fprintf(f, "\"%s\":{\"text\":", key);
	json_str(f, text);
	fputc('}', f);
}

static void rule_obj(FILE *f, const struct rule_info *ri)
{
	fputs("{\"id\":", f);
	json_str(f, ri->id);
	fputs(",\"name\":", f);
	json_str(f, ri->name);
	fputc(',', f);
	text_obj(f, "shortDescription", ri->summary);
	fputc(',', f);
	text_obj(f, "fullDescription", ri->description);
	fputs(",\"help\":{\"text\":", f);
	{
		/* help: the fix, then where the kernel's wording can be searched */
		char buf[2048];

		snprintf(buf, sizeof(buf), "%s\n\nUsual fix: %s\n\nKernel verifier messages:\n%s",
			 ri->description, ri->hint, ri->kernel);
		json_str(f, buf);
		fputs(",\"markdown\":", f);
		snprintf(
			buf, sizeof(buf),
			"%s\n\n**Usual fix:** %s\n\n**Kernel verifier messages:**\n```\n%s\n```\n\n"
			"Run `bpfverify explain %s` for an example.",
			ri->description, ri->hint, ri->kernel, ri->id);
		json_str(f, buf);
	}
	fprintf(f,
		"},\"defaultConfiguration\":{\"level\":\"%s\"},\"properties\":{\"tags\":[\"ebpf\","
		"\"verifier\",\"correctness\"],\"precision\":\"high\",\"problem.severity\":\"%s\"}}",
		ri->level, ri->level);
}

static void notifications(FILE *f, const struct bv_diags *d, bool *first)
{
	static const char *const lvl[] = { "error", "warning", "note" };

	for (size_t k = 0; k < d->cnt; k++) {
		const struct bv_diag *dg = &d->v[k];
		char msg[1200];

		if (dg->section)
			snprintf(msg, sizeof(msg), "%s/%s: %s", dg->section,
				 dg->func ? dg->func : "", dg->msg);
		else
			snprintf(msg, sizeof(msg), "%s", dg->msg);
		fprintf(f, "%s{\"level\":\"%s\",", *first ? "" : ",",
			lvl[dg->sev <= BV_SEV_NOTE ? dg->sev : BV_SEV_NOTE]);
		*first = false;
		text_obj(f, "message", msg);
		if (dg->file) {
			fputs(",\"locations\":[{\"physicalLocation\":{", f);
			artifact(f, dg->file);
			fputs("}}]", f);
		}
		fputc('}', f);
	}
}

static void result(const struct cli *c, FILE *f, const struct filerec *fr, const struct prec *p,
		   const struct frec *fd)
{
	const struct rule_info *ri = rule_find(fd->rule);
	char fp[17], where[1200], insn[400];

	finding_fingerprint(p, fd, fp);
	fputs("{\"ruleId\":", f);
	json_str(f, fd->rule);
	if (ri)
		fprintf(f, ",\"ruleIndex\":%zu", (size_t)(ri - rule_table));
	fprintf(f, ",\"level\":\"%s\",", finding_level(p));
	text_obj(f, "message", fd->msg);
	fputs(",\"locations\":[{", f);
	phys(f, fr, fd);
	snprintf(where, sizeof(where), "%s:%s/%s", fr->path, p->section, p->func);
	fputs(",\"logicalLocations\":[{\"name\":", f);
	json_str(f, p->func);
	fputs(",\"fullyQualifiedName\":", f);
	json_str(f, where);
	fputs(",\"kind\":\"function\"}]}]", f);
	if (fd->pc >= 0) {
		snprintf(insn, sizeof(insn), "insn %lld: %s", (long long)fd->pc,
			 fd->insn && *fd->insn ? fd->insn : "?");
		fputs(",\"relatedLocations\":[{\"id\":1,", f);
		phys(f, fr, fd);
		fputc(',', f);
		text_obj(f, "message", insn);
		fputs("}],\"codeFlows\":[{\"threadFlows\":[{\"locations\":[{\"location\":{", f);
		phys(f, fr, fd);
		fputc(',', f);
		text_obj(f, "message", insn);
		fputs("}}]}]}]", f);
	}
	fprintf(f, ",\"partialFingerprints\":{\"bpfverifyFinding/v1\":\"%s\"}", fp);
	if (fd->supp != SUPP_NONE) {
		fprintf(f, ",\"suppressions\":[{\"kind\":\"external\",\"justification\":\"%s\"}]",
			fd->supp == SUPP_BASELINE ? "listed in the baseline file" : "--suppress");
	}
	if (c->baseline || c->write_baseline)
		fprintf(f, ",\"baselineState\":\"%s\"",
			fd->supp == SUPP_BASELINE ? "unchanged" : "new");
	fputs(",\"properties\":{\"object\":", f);
	json_str(f, fr->path);
	fputs(",\"section\":", f);
	json_str(f, p->section);
	fputs(",\"function\":", f);
	json_str(f, p->func);
	fprintf(f, ",\"verdict\":\"%s\",\"pc\":%lld,\"ruleName\":", bv_verdict_name(p->verdict),
		(long long)fd->pc);
	json_str(f, fd->rule_name);
	if (c->opt.verbose && fd->state) {
		fputs(",\"state\":", f);
		json_str(f, fd->state);
	}
	fputs("}}", f);
}

void sarif_render(const struct cli *c, const struct run *r, FILE *f)
{
	bool first = true;

	fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
	      "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"bpfverify\",",
	      f);
	fprintf(f, "\"version\":\"%s\",\"semanticVersion\":\"%s\",\"rules\":[", BV_VERSION,
		BV_VERSION);
	for (size_t i = 0; i < rule_cnt; i++) {
		fputs(i ? ",\n" : "\n", f);
		rule_obj(f, &rule_table[i]);
	}
	fputs("]}}", f);
	if (c->cwd[0] == '/') {
		fputs(",\"originalUriBaseIds\":{\"%SRCROOT%\":{\"uri\":\"file://", f);
		uri_path(f, c->cwd);
		fputs(c->cwd[1] ? "/\"}}" : "\"}}", f);
	}
	fprintf(f, ",\"invocations\":[{\"executionSuccessful\":%s,\"exitCode\":%d",
		r->exit_code == EXIT_INPUT ? "false" : "true", r->exit_code);
	fputs(",\"toolExecutionNotifications\":[", f);
	for (size_t fi = 0; fi < r->file_cnt; fi++) {
		const struct filerec *fr = &r->files[fi];

		notifications(f, &fr->diags, &first);
		for (size_t i = fr->first; i < fr->first + fr->cnt; i++)
			notifications(f, &r->progs[i].diags, &first);
	}
	fputs("]}],\"results\":[", f);
	first = true;
	for (size_t i = 0; i < r->prog_cnt; i++) {
		const struct prec *p = &r->progs[i];

		for (size_t j = 0; j < p->f_cnt; j++) {
			fputs(first ? "\n" : ",\n", f);
			first = false;
			result(c, f, &r->files[p->file_idx], p, &p->f[j]);
		}
	}
	fputs("]}]}\n", f);
}

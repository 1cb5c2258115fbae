/* SPDX-License-Identifier: MIT */
/*
 * cli: internal interfaces of the command line. A run verifies every selected
 * program of every input into records (run.c, optionally on several threads),
 * then each requested output format renders the same records (output.c,
 * sarif.c), so several formats can be written from one analysis.
 */
#ifndef BV_CLI_H
#define BV_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../include/bpfverify.h"

enum { EXIT_OK = 0, EXIT_REJECT = 1, EXIT_USAGE = 2, EXIT_INPUT = 3, EXIT_INCONCLUSIVE = 4 };

/* keep in sync with fmt_names[] in output.c */
enum out_fmt {
	FMT_TEXT,
	FMT_GCC,
	FMT_JSON,
	FMT_SARIF,
	FMT_GITHUB,
	FMT_CSV,
	FMT_TSV,
	FMT_TABLE, /* stats and compare only */
	FMT_CNT,
};

/* Why a finding does not count for the exit status */
enum supp {
	SUPP_NONE,
	SUPP_BASELINE, /* listed in --baseline / --write-baseline */
	SUPP_RULE, /* matched a --suppress RULE[@GLOB] */
};

struct frec {
	char *rule; /* "P5.2" */
	char *rule_name; /* "pkt-oob" */
	int64_t pc; /* -1: no instruction */
	char *msg;
	char *state; /* or NULL */
	char *src_file; /* after --path-map and relative to the cwd, or NULL */
	uint32_t line, col;
	char *src_line; /* or NULL */
	char *insn; /* instruction text, "" if unknown */
	char *trace; /* "pc: text" lines of the instructions before pc, or NULL */
	enum supp supp;
};

struct prec {
	size_t file_idx;
	size_t prog_idx; /* index in the object */
	char *section, *func;
	enum bv_prog_type type;
	enum bv_verdict verdict; /* BV_ERROR: malformed, never analysed */
	bool has_line_info;
	size_t insn_cnt;
	uint64_t insns_processed, states;
	double seconds;
	size_t peak_bytes;
	struct frec *f;
	size_t f_cnt;
	struct bv_diags diags; /* met while verifying this program */
};

struct filerec {
	const char *path; /* as given on the command line (borrowed from argv) */
	bool failed; /* could not be opened or loaded */
	struct bv_diags diags; /* from bv_object_open */
	size_t first, cnt; /* its programs: run.progs[first .. first + cnt) */
};

struct run {
	struct filerec *files;
	size_t file_cnt;
	struct prec *progs;
	size_t prog_cnt;
	int exit_code; /* after gating; filled by the caller */
};

struct pathmap {
	const char *from, *to;
};

struct suppress {
	const char *rule; /* id, name or "*" */
	const char *glob; /* or NULL */
};

struct cli {
	struct bv_options opt;
	int type; /* -1: inferred */
	const char **progs; /* -p globs */
	size_t prog_cnt;
	bool source;
	bool exit_zero;
	bool fail_on_error; /* --fail-on error: inconclusive exits 0 */
	int jobs;
	int color; /* 0 never, 1 always, -1 auto */
	struct pathmap *maps;
	size_t map_cnt;
	struct suppress *supps;
	size_t supp_cnt;
	const char *baseline, *write_baseline;
	char cwd[4096]; /* "" if unknown */
};

/* run.c */

/* Verify every selected program of @paths into @r. Returns 0, or EXIT_USAGE after printing
 * why (e.g. out of memory). Input problems are recorded, not returned. */
int run_verify(const struct cli *c, int path_cnt, char **paths, struct run *r);
void run_fini(struct run *r);
/* Program selection by -p globs */
bool cli_selected(const struct cli *c, const char *section, const char *func);
/* Rewrite a line-info path: first matching --path-map prefix, then relative to the cwd.
 * Returns a malloc'ed string or NULL (out of memory, or @p NULL). */
char *cli_map_path(const struct cli *c, const char *p);
/* Apply --suppress to the findings; count programs; compute the exit status */
int run_gate(const struct cli *c, struct run *r);
/* Print every diagnostic of the run to @f, in input order */
void run_print_diags(const struct run *r, FILE *f);
/* Stable 16-hex-digit fingerprint of a finding (rule, program, source text or insn) */
void finding_fingerprint(const struct prec *p, const struct frec *f, char out[17]);
/* "error" for a finding that rejects, "warning" for an inconclusive one */
const char *finding_level(const struct prec *p);

/* output.c */

struct sink {
	FILE *f;
	enum out_fmt fmt;
	bool color;
};

int fmt_parse(const char *s); /* -1 if unknown */
const char *fmt_name(enum out_fmt f);
void out_render(const struct cli *c, const struct run *r, const struct sink *s);
void json_str(FILE *f, const char *s);
void csv_field(FILE *f, const char *s);
/* CSV shared by check --format csv (@findings: with the finding columns) and stats */
void out_csv_header(FILE *f, bool findings);
void out_csv_row(FILE *f, const struct run *r, const struct prec *p, bool findings);

/* sarif.c */
void sarif_render(const struct cli *c, const struct run *r, FILE *f);

/* baseline.c */

/* Mark findings listed in @path as SUPP_BASELINE. Returns 0 or EXIT_INPUT after a message. */
int baseline_apply(const char *path, struct run *r);
/* Write every finding of @r to @path. Returns 0 or EXIT_INPUT after a message. */
int baseline_write(const char *path, const struct run *r);
/* Does --suppress entry @s match finding @f of program @p? */
bool suppress_matches(const struct suppress *s, const struct run *r, const struct prec *p,
		      const struct frec *f);

/* rules.c */

struct rule_info {
	const char *id; /* "P5.2" */
	const char *name; /* "pkt-oob" */
	const char *alias; /* another name the library uses for the same id, or NULL */
	const char *level; /* SARIF default level: "error" or "warning" */
	const char *summary; /* one line */
	const char *description; /* a paragraph */
	const char *hint; /* the usual fix, one line */
	const char *example; /* C or assembly that triggers it, then the fix */
	const char *kernel; /* kernel verifier messages, one per line */
	const char *prevail; /* PREVAIL assertion names and messages */
};

extern const struct rule_info rule_table[];
extern const size_t rule_cnt;
/* Look a rule up by id ("P5.2", case-insensitive) or name ("pkt-oob"); NULL if unknown */
const struct rule_info *rule_find(const char *id_or_name);
int cmd_rules(enum out_fmt fmt);
int cmd_explain(int argc, char **argv);

/* stats.c */
int cmd_stats(const struct cli *c, enum out_fmt fmt, int argc, char **argv);
int cmd_compare(int argc, char **argv, const char *const *fail_if, size_t fail_if_cnt,
		enum out_fmt fmt);

#endif

// SPDX-License-Identifier: MIT
/*
 * run: verify the selected programs of every input into records that the
 * output formats render. With -j N, N threads verify programs concurrently;
 * each thread opens its own bv_object for every file it touches (the library
 * is not known to allow concurrent bv_verify() calls on one object), and the
 * records keep input order, so the output does not depend on scheduling.
 */
#include <fnmatch.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static char *xstrdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

bool cli_selected(const struct cli *c, const char *section, const char *func)
{
	char full[512];
	bool any_pos = false, match = false;

	snprintf(full, sizeof(full), "%s/%s", section, func);
	for (size_t i = 0; i < c->prog_cnt; i++) {
		const char *g = c->progs[i];
		bool neg = g[0] == '!';

		if (neg)
			g++;
		else
			any_pos = true;
		if (!fnmatch(g, full, 0) || !fnmatch(g, func, 0) || !fnmatch(g, section, 0)) {
			if (neg)
				return false;
			match = true;
		}
	}
	return !any_pos || match;
}

/* Apply the first matching --path-map to @p; NULL if none matches (or out of memory) */
static char *apply_maps(const struct cli *c, const char *p, bool *matched)
{
	*matched = false;
	for (size_t i = 0; i < c->map_cnt; i++) {
		const char *from = c->maps[i].from, *to = c->maps[i].to;
		size_t fl = strlen(from), n;
		char *out;

		if (!fl || strncmp(p, from, fl))
			continue;
		/* match whole path components: /src must not rewrite /srcdir/x.c */
		if (p[fl] && p[fl] != '/' && from[fl - 1] != '/')
			continue;
		p += fl;
		if (!*to && *p == '/')
			p++;
		n = strlen(to) + strlen(p) + 1;
		out = malloc(n);
		if (out)
			snprintf(out, n, "%s%s", to, p);
		*matched = true;
		return out;
	}
	return NULL;
}

char *cli_map_path(const struct cli *c, const char *p)
{
	size_t n = strlen(c->cwd);
	bool matched;
	char *out;

	if (!p)
		return NULL;
	/* maps see the path as recorded, then relative to the cwd when it lies under it */
	out = apply_maps(c, p, &matched);
	if (matched)
		return out;
	if (p[0] == '/' && n > 1 && !strncmp(p, c->cwd, n) && p[n] == '/' && p[n + 1])
		p += n + 1;
	out = apply_maps(c, p, &matched);
	return matched ? out : strdup(p);
}

/* Copy the result of one program into its record; false when out of memory */
static bool fill(const struct cli *c, struct bv_object *o, struct prec *pr,
		 const struct bv_result *res)
{
	pr->verdict = res->verdict;
	pr->insns_processed = res->insns_processed;
	pr->states = res->states;
	pr->seconds = res->seconds;
	pr->peak_bytes = res->peak_bytes;
	if (!res->finding_cnt)
		return true;
	pr->f = calloc(res->finding_cnt, sizeof(*pr->f));
	if (!pr->f)
		return false;
	pr->f_cnt = res->finding_cnt;
	for (size_t i = 0; i < res->finding_cnt; i++) {
		const struct bv_finding *bf = &res->findings[i];
		struct frec *f = &pr->f[i];
		char itext[256] = "";

		if (bf->pc >= 0 && bv_insn_text(o, pr->prog_idx, bf->pc, itext, sizeof(itext)))
			itext[0] = '\0';
		f->rule = xstrdup(bf->rule ? bf->rule : "P10.1");
		f->rule_name = xstrdup(bf->rule_name ? bf->rule_name : "unsupported");
		f->pc = bf->pc;
		f->msg = xstrdup(bf->msg ? bf->msg : "");
		f->state = xstrdup(bf->state);
		if (bf->src_file && bf->line) {
			f->src_file = cli_map_path(c, bf->src_file);
			f->line = bf->line;
			f->col = bf->col;
			f->src_line = xstrdup(bf->src_line);
		}
		f->insn = xstrdup(itext);
		if (bf->trace_cnt) {
			size_t cap = bf->trace_cnt * 300 + 1, len = 0;

			f->trace = malloc(cap);
			if (f->trace) {
				f->trace[0] = '\0';
				for (size_t t = 0; t < bf->trace_cnt; t++) {
					char tt[256] = "";

					if (bv_insn_text(o, pr->prog_idx, bf->trace[t], tt,
							 sizeof(tt)))
						tt[0] = '\0';
					len += (size_t)snprintf(f->trace + len, cap - len,
								"%u: %s\n", bf->trace[t], tt);
				}
			}
		}
		if (!f->rule || !f->rule_name || !f->msg || !f->insn)
			return false;
	}
	return true;
}

/* Verify one record with object @o (already opened for its file, type applied) */
static void verify_one(const struct cli *c, struct bv_object *o, struct prec *pr)
{
	struct bv_result res;

	if (bv_verify(o, pr->prog_idx, &c->opt, &res, &pr->diags)) {
		pr->verdict = BV_ERROR;
		return;
	}
	if (!fill(c, o, pr, &res)) {
		fprintf(stderr, "bpfverify: out of memory\n");
		pr->verdict = BV_ERROR;
	}
	bv_result_fini(&res);
}

static struct bv_object *open_obj(const struct cli *c, const char *path, struct bv_diags *d)
{
	struct bv_object *o = bv_object_open(path, d);

	if (o && c->type >= 0)
		bv_object_set_type(o, (enum bv_prog_type)c->type);
	return o;
}

/* Append the selected programs of @o to @r; false when out of memory */
static bool enumerate(const struct cli *c, struct bv_object *o, size_t fi, struct run *r,
		      size_t *cap)
{
	size_t n = bv_object_prog_cnt(o);

	r->files[fi].first = r->prog_cnt;
	for (size_t i = 0; i < n; i++) {
		struct bv_prog_info pi;
		struct prec *pr;

		if (bv_object_prog_info(o, i, &pi) || pi.is_subprog ||
		    !cli_selected(c, pi.section, pi.func))
			continue;
		if (r->prog_cnt == *cap) {
			size_t nc = *cap ? *cap * 2 : 16;
			struct prec *v = realloc(r->progs, nc * sizeof(*v));

			if (!v)
				return false;
			r->progs = v;
			*cap = nc;
		}
		pr = &r->progs[r->prog_cnt];
		memset(pr, 0, sizeof(*pr));
		pr->file_idx = fi;
		pr->prog_idx = i;
		pr->section = strdup(pi.section);
		pr->func = strdup(pi.func);
		pr->type = pi.type;
		pr->has_line_info = pi.has_line_info;
		pr->insn_cnt = pi.insn_cnt;
		pr->verdict = BV_ERROR;
		r->prog_cnt++;
		r->files[fi].cnt++;
		if (!pr->section || !pr->func)
			return false;
	}
	return true;
}

struct pool {
	const struct cli *c;
	struct run *r;
	pthread_mutex_t lock;
	size_t next;
};

static void *worker(void *arg)
{
	struct pool *p = arg;
	struct bv_object *o = NULL;
	size_t cur_file = (size_t)-1;

	for (;;) {
		struct prec *pr;
		size_t i;

		pthread_mutex_lock(&p->lock);
		i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->r->prog_cnt)
			break;
		pr = &p->r->progs[i];
		if (pr->file_idx != cur_file) {
			bv_object_close(o);
			cur_file = pr->file_idx;
			o = open_obj(p->c, p->r->files[cur_file].path, &pr->diags);
		}
		if (!o) {
			/* the file loaded once already; a second failure is recorded here */
			pr->verdict = BV_ERROR;
			continue;
		}
		verify_one(p->c, o, pr);
	}
	bv_object_close(o);
	return NULL;
}

int run_verify(const struct cli *c, int path_cnt, char **paths, struct run *r)
{
	size_t cap = 0;
	bool parallel = c->jobs > 1;

	memset(r, 0, sizeof(*r));
	r->files = calloc((size_t)path_cnt + 1, sizeof(*r->files));
	if (!r->files)
		goto nomem;
	for (int a = 0; a < path_cnt; a++) {
		struct filerec *fr = &r->files[r->file_cnt++];
		struct bv_object *o;

		fr->path = paths[a];
		o = open_obj(c, paths[a], &fr->diags);
		if (!o) {
			fr->failed = true;
			fr->first = r->prog_cnt;
			continue;
		}
		if (!enumerate(c, o, r->file_cnt - 1, r, &cap)) {
			bv_object_close(o);
			goto nomem;
		}
		if (!parallel)
			for (size_t i = fr->first; i < fr->first + fr->cnt; i++)
				verify_one(c, o, &r->progs[i]);
		bv_object_close(o);
	}
	if (parallel && r->prog_cnt) {
		struct pool p = { .c = c, .r = r, .next = 0 };
		size_t n = (size_t)c->jobs < r->prog_cnt ? (size_t)c->jobs : r->prog_cnt;
		pthread_t *t = calloc(n, sizeof(*t));
		size_t started = 0;

		if (!t)
			goto nomem;
		pthread_mutex_init(&p.lock, NULL);
		for (; started < n; started++)
			if (pthread_create(&t[started], NULL, worker, &p))
				break;
		if (!started)
			worker(&p); /* no thread could be started: do the work here */
		for (size_t i = 0; i < started; i++)
			pthread_join(t[i], NULL);
		pthread_mutex_destroy(&p.lock);
		free(t);
	}
	return 0;
nomem:
	fprintf(stderr, "bpfverify: out of memory\n");
	return EXIT_USAGE;
}

void run_fini(struct run *r)
{
	for (size_t i = 0; i < r->prog_cnt; i++) {
		struct prec *p = &r->progs[i];

		for (size_t j = 0; j < p->f_cnt; j++) {
			struct frec *f = &p->f[j];

			free(f->rule);
			free(f->rule_name);
			free(f->msg);
			free(f->state);
			free(f->src_file);
			free(f->src_line);
			free(f->insn);
			free(f->trace);
		}
		free(p->f);
		free(p->section);
		free(p->func);
		bv_diags_free(&p->diags);
	}
	for (size_t i = 0; i < r->file_cnt; i++)
		bv_diags_free(&r->files[i].diags);
	free(r->progs);
	free(r->files);
	memset(r, 0, sizeof(*r));
}

void run_print_diags(const struct run *r, FILE *f)
{
	for (size_t i = 0; i < r->file_cnt; i++) {
		const struct filerec *fr = &r->files[i];

		for (size_t k = 0; k < fr->diags.cnt; k++)
			bv_diag_print(f, &fr->diags.v[k]);
		for (size_t p = fr->first; p < fr->first + fr->cnt; p++)
			for (size_t k = 0; k < r->progs[p].diags.cnt; k++)
				bv_diag_print(f, &r->progs[p].diags.v[k]);
	}
}

/* Does the program still count as failing after suppressions? */
static bool has_live_finding(const struct prec *p)
{
	if (!p->f_cnt)
		return true;
	for (size_t i = 0; i < p->f_cnt; i++)
		if (p->f[i].supp == SUPP_NONE)
			return true;
	return false;
}

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

int run_gate(const struct cli *c, struct run *r)
{
	int code = EXIT_OK;
	bool any_failed_file = false;

	for (size_t i = 0; i < r->prog_cnt; i++) {
		struct prec *p = &r->progs[i];

		for (size_t j = 0; j < p->f_cnt; j++)
			for (size_t s = 0; s < c->supp_cnt && p->f[j].supp == SUPP_NONE; s++)
				if (suppress_matches(&c->supps[s], r, p, &p->f[j]))
					p->f[j].supp = SUPP_RULE;
		switch (p->verdict) {
		case BV_ACCEPT:
			break;
		case BV_REJECT:
			if (has_live_finding(p))
				code = worse(code, EXIT_REJECT);
			break;
		case BV_INCONCLUSIVE:
			if (has_live_finding(p) && !c->fail_on_error)
				code = worse(code, EXIT_INCONCLUSIVE);
			break;
		default:
			code = worse(code, EXIT_INPUT);
			break;
		}
	}
	for (size_t i = 0; i < r->file_cnt; i++)
		if (r->files[i].failed) {
			any_failed_file = true;
			code = worse(code, EXIT_INPUT);
		}
	if (!r->prog_cnt && c->prog_cnt && !any_failed_file) {
		fprintf(stderr, "bpfverify: no program matches the -p patterns\n");
		code = EXIT_INPUT;
	}
	if (c->exit_zero && code != EXIT_INPUT)
		code = EXIT_OK;
	r->exit_code = code;
	return code;
}

const char *finding_level(const struct prec *p)
{
	return p->verdict == BV_INCONCLUSIVE ? "warning" : "error";
}

static uint64_t fnv(uint64_t h, const char *s, bool skip_space)
{
	for (; s && *s; s++) {
		if (skip_space && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
			continue;
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	h ^= 0xff; /* field separator */
	h *= 0x100000001b3ULL;
	return h;
}

void finding_fingerprint(const struct prec *p, const struct frec *f, char out[17])
{
	uint64_t h = 0xcbf29ce484222325ULL;

	/* no pc and no line number: they move with unrelated edits */
	h = fnv(h, f->rule, false);
	h = fnv(h, p->section, false);
	h = fnv(h, p->func, false);
	if (f->src_line && *f->src_line)
		h = fnv(h, f->src_line, true);
	else
		h = fnv(h, f->insn, true);
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

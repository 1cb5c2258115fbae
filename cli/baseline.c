// SPDX-License-Identifier: MIT
/*
 * baseline: known findings that do not fail a run. A baseline file lists one
 * finding per line as FILE<TAB>SECTION<TAB>FUNCTION<TAB>RULE, optionally
 * followed by a tab and the message (ignored when reading); lines starting with
 * '#' are comments. The key has no instruction index and no line number, so
 * unrelated code changes do not invalidate it. --suppress RULE[@GLOB] is the
 * command-line variant, matching any program or file the glob names.
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

static const char *strip_dot(const char *p)
{
	while (p[0] == '.' && p[1] == '/')
		p += 2;
	return p;
}

/* Is the finding with rule @id and @name the one written as @want (an id, a name or "*")? */
static bool rule_is(const char *want, const char *id, const char *name)
{
	return !strcmp(want, "*") || !strcasecmp(want, id) || !strcmp(want, name);
}

int baseline_apply(const char *path, struct run *r)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	unsigned lineno = 0;

	if (!f) {
		fprintf(stderr, "bpfverify: cannot read baseline %s: %s\n", path, strerror(errno));
		return EXIT_INPUT;
	}
	while (fgets(line, sizeof(line), f)) {
		char *fld[4], *save = NULL, *s;
		size_t n = 0;

		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		for (s = strtok_r(line, "\t", &save); s && n < 4; s = strtok_r(NULL, "\t", &save))
			fld[n++] = s;
		if (n < 4) {
			fprintf(stderr,
				"%s:%u: error: want FILE<TAB>SECTION<TAB>FUNCTION<TAB>RULE\n", path,
				lineno);
			fclose(f);
			return EXIT_INPUT;
		}
		for (size_t i = 0; i < r->prog_cnt; i++) {
			struct prec *p = &r->progs[i];

			if (strcmp(strip_dot(fld[0]), strip_dot(r->files[p->file_idx].path)) ||
			    strcmp(fld[1], p->section) || strcmp(fld[2], p->func))
				continue;
			for (size_t j = 0; j < p->f_cnt; j++)
				if (p->f[j].supp == SUPP_NONE &&
				    rule_is(fld[3], p->f[j].rule, p->f[j].rule_name))
					p->f[j].supp = SUPP_BASELINE;
		}
	}
	fclose(f);
	return 0;
}

int baseline_write(const char *path, const struct run *r)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		fprintf(stderr, "bpfverify: cannot write baseline %s: %s\n", path, strerror(errno));
		return EXIT_INPUT;
	}
	fprintf(f,
		"# bpfverify %s baseline, version 1\n"
		"# FILE<TAB>SECTION<TAB>FUNCTION<TAB>RULE<TAB>message (the message is not matched)\n",
		BV_VERSION);
	for (size_t i = 0; i < r->prog_cnt; i++) {
		const struct prec *p = &r->progs[i];

		for (size_t j = 0; j < p->f_cnt; j++) {
			const char *m = p->f[j].msg;

			fprintf(f, "%s\t%s\t%s\t%s\t", strip_dot(r->files[p->file_idx].path),
				p->section, p->func, p->f[j].rule);
			for (; *m; m++)
				fputc(*m == '\t' || *m == '\n' ? ' ' : *m, f);
			fputc('\n', f);
		}
	}
	if (fclose(f)) {
		fprintf(stderr, "bpfverify: cannot write baseline %s: %s\n", path, strerror(errno));
		return EXIT_INPUT;
	}
	return 0;
}

bool suppress_matches(const struct suppress *s, const struct run *r, const struct prec *p,
		      const struct frec *f)
{
	const char *obj = r->files[p->file_idx].path;
	char full[512];

	if (!rule_is(s->rule, f->rule, f->rule_name))
		return false;
	if (!s->glob)
		return true;
	snprintf(full, sizeof(full), "%s/%s", p->section, p->func);
	return !fnmatch(s->glob, obj, 0) || !fnmatch(s->glob, strip_dot(obj), 0) ||
	       (f->src_file && !fnmatch(s->glob, f->src_file, 0)) || !fnmatch(s->glob, full, 0) ||
	       !fnmatch(s->glob, p->func, 0) || !fnmatch(s->glob, p->section, 0);
}

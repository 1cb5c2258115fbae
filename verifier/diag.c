// SPDX-License-Identifier: MIT
/*
 * diag: diagnostics with their location. A bv_diags list owns copies of every
 * string, so locations may point into memory that is released later.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void diag_add(struct bv_diags *d, enum bv_severity sev, enum bv_err code,
		     const struct diag_loc *loc, const char *fmt, va_list ap) DIAG_PRINTF(5, 0);

static void diag_add(struct bv_diags *d, enum bv_severity sev, enum bv_err code,
		     const struct diag_loc *loc, const char *fmt, va_list ap)
{
	char buf[1024];
	struct bv_diag *e;

	if (!d)
		return;
	if (d->cnt == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		struct bv_diag *v = realloc(d->v, cap * sizeof(*v));

		if (!v)
			return; /* out of memory: the diagnostic is lost, the error code is not */
		d->v = v;
		d->cap = cap;
	}
	vsnprintf(buf, sizeof(buf), fmt, ap);
	e = &d->v[d->cnt++];
	e->sev = sev;
	e->code = code;
	e->file = dup_or_null(loc ? loc->file : NULL);
	e->section = dup_or_null(loc ? loc->section : NULL);
	e->func = dup_or_null(loc ? loc->func : NULL);
	e->pc = loc ? loc->pc : -1;
	e->msg = strdup(buf);
}

int diag_error(struct bv_diags *d, const struct diag_loc *loc, enum bv_err code, const char *fmt,
	       ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_add(d, BV_SEV_ERROR, code, loc, fmt, ap);
	va_end(ap);
	return code;
}

void diag_warn(struct bv_diags *d, const struct diag_loc *loc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_add(d, BV_SEV_WARNING, BV_OK, loc, fmt, ap);
	va_end(ap);
}

void diag_note(struct bv_diags *d, const struct diag_loc *loc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_add(d, BV_SEV_NOTE, BV_OK, loc, fmt, ap);
	va_end(ap);
}

void bv_diags_free(struct bv_diags *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->cnt; i++) {
		free(d->v[i].file);
		free(d->v[i].section);
		free(d->v[i].func);
		free(d->v[i].msg);
	}
	free(d->v);
	d->v = NULL;
	d->cnt = d->cap = 0;
}

void bv_diag_print(FILE *f, const struct bv_diag *d)
{
	static const char *const sev[] = { "error", "warning", "note" };

	fputs(d->file ? d->file : "bpfverify", f);
	if (d->section) {
		fprintf(f, ":%s", d->section);
		if (d->func)
			fprintf(f, "/%s", d->func);
		if (d->pc >= 0)
			fprintf(f, "+%lld", (long long)d->pc);
	} else if (d->pc >= 0) {
		fprintf(f, ":%lld", (long long)d->pc);
	}
	fprintf(f, ": %s: %s\n", sev[d->sev], d->msg);
}

/* SPDX-License-Identifier: MIT */
/*
 * diag: recording diagnostics with their location. Each call appends one
 * bv_diag (strings copied) to a bv_diags list and returns the error code.
 */
#ifndef BV_VERIFIER_DIAG_H
#define BV_VERIFIER_DIAG_H

#include "../include/bpfverify.h"

struct diag_loc {
	const char *file; /* input path as given on the command line */
	const char *section; /* ELF section name, or NULL */
	const char *func; /* function (symbol) name, or NULL */
	int64_t pc; /* instruction index, or -1 */
};

#if defined(__GNUC__)
#define DIAG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DIAG_PRINTF(a, b)
#endif

/* Record an error at @loc and return @code (a negative bv_err). @d may be NULL. */
int diag_error(struct bv_diags *d, const struct diag_loc *loc, enum bv_err code, const char *fmt,
	       ...) DIAG_PRINTF(4, 5);
void diag_warn(struct bv_diags *d, const struct diag_loc *loc, const char *fmt, ...)
	DIAG_PRINTF(3, 4);
void diag_note(struct bv_diags *d, const struct diag_loc *loc, const char *fmt, ...)
	DIAG_PRINTF(3, 4);

#endif

/* SPDX-License-Identifier: MIT */
/* Every tests/check_NAME.c defines Suite *NAME_suite(void); the list is generated
 * by the Makefile into build/suites_gen.h as SUITE(NAME) lines. */
#ifndef BV_TESTS_SUITES_H
#define BV_TESTS_SUITES_H

#include <check.h>

#define SUITE(n) Suite *n##_suite(void);
#include "suites_gen.h"
#undef SUITE

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Non-zero when make check-long runs: tests scale their random case counts */
int tests_long(void);

#endif

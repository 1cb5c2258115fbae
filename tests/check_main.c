// SPDX-License-Identifier: MIT
/* Runs every Check suite; CK_RUN_SUITE / CK_RUN_CASE select a subset. */
#include <stdlib.h>

#include "suites.h"

int tests_long(void)
{
	const char *s = getenv("BV_LONG");

	return s && *s && *s != '0';
}

int main(void)
{
	SRunner *sr = srunner_create(NULL);
	int failed;

#define SUITE(n) srunner_add_suite(sr, n##_suite());
#include "suites_gen.h"
#undef SUITE

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

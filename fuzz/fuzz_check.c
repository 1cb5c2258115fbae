// SPDX-License-Identifier: MIT
/* libFuzzer target: the whole pipeline through the public API (bv_object_open,
 * bv_verify of every program with a small budget, bv_disasm, bv_insn_text). */
#define _GNU_SOURCE
#include "fuzz_util.h"

#include "../include/bpfverify.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	struct bv_diags d = { 0 };
	struct bv_object *o;
	struct bv_options opt = { .max_insns = 20000, .timeout_sec = 2 };
	int fd = fuzz_memfile(data, size, path, sizeof(path));
	FILE *null;

	if (fd < 0)
		return 0;
	o = bv_object_open(path, &d);
	null = fopen("/dev/null", "w");
	if (o && null) {
		size_t n = bv_object_prog_cnt(o);

		for (size_t i = 0; i < n && i < 16; i++) {
			struct bv_prog_info info;
			struct bv_result res;
			char buf[256];

			if (bv_object_prog_info(o, i, &info))
				continue;
			bv_disasm(o, i, true, null, &d);
			if (info.is_subprog)
				continue;
			opt.unprivileged = (size & 1) != 0;
			if (bv_verify(o, i, &opt, &res, &d) == 0) {
				for (size_t j = 0; j < res.finding_cnt; j++)
					if (res.findings[j].pc >= 0)
						bv_insn_text(o, i, res.findings[j].pc, buf,
							     sizeof(buf));
			}
			bv_result_fini(&res);
		}
	}
	if (null)
		fclose(null);
	bv_object_close(o);
	bv_diags_free(&d);
	close(fd);
	return 0;
}

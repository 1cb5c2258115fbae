// SPDX-License-Identifier: MIT
/* libFuzzer target: the ELF loader (obj_open / obj_free) on arbitrary bytes. */
#define _GNU_SOURCE
#include "fuzz_util.h"

#include "../verifier/obj.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	struct bv_diags d = { 0 };
	struct obj *o;
	int fd = fuzz_memfile(data, size, path, sizeof(path));

	if (fd < 0)
		return 0;
	o = obj_open(path, &d);
	if (o) {
		/* touch what later stages read */
		for (size_t i = 0; i < o->prog_cnt; i++) {
			const struct obj_prog *p = &o->progs[i];

			for (size_t j = 0; j < p->line_cnt; j++)
				(void)obj_line_at(p, p->lines[j].pc);
		}
		for (size_t i = 0; i < o->map_cnt; i++) {
			uint64_t v;

			(void)obj_map_read(&o->maps[i], 0, 8, &v);
		}
	}
	obj_free(o);
	bv_diags_free(&d);
	close(fd);
	return 0;
}

// SPDX-License-Identifier: MIT
/* libFuzzer target: the decoder (insn_decode_all, insn_decode_one, insn_snprint).
 * The input is a sequence of raw 8-byte slots; a trailing partial slot is dropped. */
#include <stdlib.h>
#include <string.h>

#include "../verifier/insn.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t cnt = size / sizeof(struct raw_insn);
	struct raw_insn *raw;
	struct insn *out;
	struct insn_err err;
	char buf[256];

	if (cnt == 0 || cnt > 4096)
		return 0;
	raw = malloc(cnt * sizeof(*raw));
	out = malloc(cnt * sizeof(*out));
	if (!raw || !out)
		goto out;
	memcpy(raw, data, cnt * sizeof(*raw));
	if (insn_decode_all(raw, cnt, out, &err) == 0) {
		for (size_t i = 0; i < cnt; i++)
			insn_snprint(buf, sizeof(buf), &out[i]);
	} else {
		/* the message must be a terminated string */
		if (strnlen(err.msg, sizeof(err.msg)) == sizeof(err.msg))
			abort();
	}
	for (size_t i = 0; i < cnt; i++) {
		struct insn one;

		if (insn_decode_one(raw, cnt, (uint32_t)i, &one, &err) == 0)
			insn_snprint(buf, sizeof(buf), &one);
	}
out:
	free(raw);
	free(out);
	return 0;
}

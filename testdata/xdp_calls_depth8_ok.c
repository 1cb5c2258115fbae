// SPDX-License-Identifier: MIT
/* A checksum over 7 header words computed by a chain of 7 nested static calls (8 frames). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define STEP(name, next)                                  \
	static __noinline __u32 name(__u32 *w, __u32 acc) \
	{                                                 \
		return next(w + 1, acc ^ (*w * 31 + 7));  \
	}

static __noinline __u32 last(__u32 *w, __u32 acc)
{
	return acc ^ *w;
}

STEP(f6, last)
STEP(f5, f6)
STEP(f4, f5)
STEP(f3, f4)
STEP(f2, f3)
STEP(f1, f2)

SEC("xdp")
int deep_sum(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u32 w[7];

	if (data + sizeof(w) > data_end)
		return XDP_PASS;
	__builtin_memcpy(w, data, sizeof(w));
	return f1(w, 0) == 0xffffffff ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

// SPDX-License-Identifier: MIT
/* Look for a 0xff marker in the first 100 payload bytes; non-unrolled loop, checked per byte. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define SCAN_LEN 100

SEC("xdp")
int xdp_marker(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u8 *p = data;

#pragma clang loop unroll(disable)
	for (int i = 0; i < SCAN_LEN; i++) {
		if ((void *)(p + i + 1) > data_end)
			break;
		if (p[i] == 0xff)
			return XDP_DROP;
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

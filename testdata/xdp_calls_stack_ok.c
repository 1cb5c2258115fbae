// SPDX-License-Identifier: MIT
/* XDP: a 192-byte caller buffer and a 256-byte callee buffer stay under the 512-byte limit. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} out SEC(".maps");

static __noinline int emit_payload(struct xdp_md *ctx)
{
	char buf[256];

	if (bpf_xdp_load_bytes(ctx, 0, buf, sizeof(buf)))
		return 0;
	return bpf_ringbuf_output(&out, buf, sizeof(buf), 0);
}

SEC("xdp")
int sample(struct xdp_md *ctx)
{
	char hdr[192];

	if (bpf_xdp_load_bytes(ctx, 0, hdr, sizeof(hdr)))
		return XDP_PASS;
	if (hdr[12] == 0x08 && hdr[13] == 0x00)
		emit_payload(ctx);
	bpf_ringbuf_output(&out, hdr, 64, 0);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

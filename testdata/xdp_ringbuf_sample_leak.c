// SPDX-License-Identifier: MIT
/* XDP: copy the first 64 bytes of sampled packets to a ring buffer; short packets leak the record. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define SNAP 64

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} snaps SEC(".maps");

SEC("xdp")
int sample(struct xdp_md *ctx)
{
	__u8 *rec;

	if (bpf_get_prandom_u32() & 127)
		return XDP_PASS;
	rec = bpf_ringbuf_reserve(&snaps, SNAP, 0);
	if (!rec)
		return XDP_PASS;
	if (bpf_xdp_load_bytes(ctx, 0, rec, SNAP))
		/* BUG: the reserved record is neither submitted nor discarded on this path */
		return XDP_PASS;
	bpf_ringbuf_submit(rec, 0);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

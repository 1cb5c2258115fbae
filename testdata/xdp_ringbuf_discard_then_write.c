// SPDX-License-Identifier: MIT
/* XDP: discards a record for short packets but still stamps the length into it. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define SNAP 64

struct snap {
	__u32 len;
	__u8 bytes[SNAP];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} snaps SEC(".maps");

SEC("xdp")
int sample(struct xdp_md *ctx)
{
	struct snap *rec;

	rec = bpf_ringbuf_reserve(&snaps, sizeof(*rec), 0);
	if (!rec)
		return XDP_PASS;
	if (bpf_xdp_load_bytes(ctx, 0, rec->bytes, SNAP)) {
		bpf_ringbuf_discard(rec, 0);
		/* BUG: rec was released by bpf_ringbuf_discard */
		rec->len = 0;
		return XDP_PASS;
	}
	rec->len = SNAP;
	bpf_ringbuf_submit(rec, 0);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

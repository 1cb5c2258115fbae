// SPDX-License-Identifier: MIT
/* Remember the first byte of the last short frame; the stored value is unset for empty frames. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} last_first_byte SEC(".maps");

SEC("xdp")
int xdp_short(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u32 zero = 0;
	__u64 val;

	if (data + 60 <= data_end)
		return XDP_PASS;
	if (data + 1 <= data_end)
		val = *(__u8 *)data;
	/* BUG: val uninitialised for empty frames */
	bpf_map_update_elem(&last_first_byte, &zero, &val, BPF_ANY);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

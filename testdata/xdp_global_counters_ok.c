// SPDX-License-Identifier: MIT
/* Keep counters in .data and .bss globals and a string in .rodata for bpf_printk. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

__u64 packets = 0;
__u64 bytes;
__u32 sample_every = 1000;

SEC("xdp")
int xdp_stats(struct xdp_md *ctx)
{
	__u64 n = __sync_fetch_and_add(&packets, 1);

	__sync_fetch_and_add(&bytes, ctx->data_end - ctx->data);
	if (sample_every && n % sample_every == 0)
		bpf_printk("packets=%llu bytes=%llu", n, bytes);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

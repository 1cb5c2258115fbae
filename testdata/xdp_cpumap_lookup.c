// SPDX-License-Identifier: MIT
/* XDP: checks the queue size of a cpumap entry before redirecting to that CPU. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define NCPUS 4

struct {
	__uint(type, BPF_MAP_TYPE_CPUMAP);
	__uint(max_entries, NCPUS);
	__type(key, __u32);
	__type(value, struct bpf_cpumap_val);
} cpus SEC(".maps");

SEC("xdp")
int spread(struct xdp_md *ctx)
{
	__u32 cpu = ctx->rx_queue_index % NCPUS;
	struct bpf_cpumap_val *val;

	/* BUG: a cpumap cannot be read with bpf_map_lookup_elem */
	val = bpf_map_lookup_elem(&cpus, &cpu);
	if (!val || val->qsize == 0)
		return XDP_PASS;
	return bpf_redirect_map(&cpus, cpu, XDP_PASS);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

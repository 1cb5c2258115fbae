// SPDX-License-Identifier: MIT
/* perf_event program: count samples per CPU and record the sample period. */
#include <linux/bpf.h>
#include <linux/bpf_perf_event.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} periods SEC(".maps");

SEC("perf_event")
int on_sample(struct bpf_perf_event_data *ctx)
{
	__u32 zero = 0;
	__u64 *sum = bpf_map_lookup_elem(&periods, &zero);

	if (sum)
		*sum += ctx->sample_period;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

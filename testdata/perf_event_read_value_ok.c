// SPDX-License-Identifier: MIT
/* perf_event: sample the counter value and its enabled/running times into a ring buffer. */
#include <linux/bpf.h>
#include <linux/bpf_perf_event.h>
#include <bpf/bpf_helpers.h>

struct sample {
	__u64 period;
	__u64 addr;
	struct bpf_perf_event_value v;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} samples SEC(".maps");

SEC("perf_event")
int on_sample(struct bpf_perf_event_data *ctx)
{
	struct sample s = {};

	s.period = ctx->sample_period;
	s.addr = ctx->addr;
	if (bpf_perf_prog_read_value(ctx, &s.v, sizeof(s.v)))
		return 0;
	bpf_ringbuf_output(&samples, &s, sizeof(s), 0);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

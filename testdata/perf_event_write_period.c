// SPDX-License-Identifier: MIT
/* perf_event: tries to slow sampling down by writing the sample period. */
#include <linux/bpf.h>
#include <linux/bpf_perf_event.h>
#include <bpf/bpf_helpers.h>

__u64 samples;

SEC("perf_event")
int on_sample(struct bpf_perf_event_data *ctx)
{
	__sync_fetch_and_add(&samples, 1);
	if (ctx->sample_period < 10000)
		/* BUG: the perf_event context is read-only */
		ctx->sample_period = 10000;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

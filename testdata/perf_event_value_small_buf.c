// SPDX-License-Identifier: MIT
/* perf_event: reads the counter value into a buffer that holds only the counter itself. */
#include <linux/bpf.h>
#include <linux/bpf_perf_event.h>
#include <bpf/bpf_helpers.h>

__u64 last_counter;

SEC("perf_event")
int on_sample(struct bpf_perf_event_data *ctx)
{
	__u64 counter = 0;

	/* BUG: struct bpf_perf_event_value is 24 bytes, the buffer is 8 */
	if (bpf_perf_prog_read_value(ctx, (void *)&counter, sizeof(struct bpf_perf_event_value)))
		return 0;
	last_counter = counter;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

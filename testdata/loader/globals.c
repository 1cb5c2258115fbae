// SPDX-License-Identifier: MIT
/* Loader test: global data in .data, .rodata, .bss and a custom .data.* section. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

volatile const __u32 limit = 42;
volatile const __u64 table[4] = { 10, 20, 30, 40 };
__u64 hits = 7;
__u64 misses;
__u32 custom SEC(".data.custom") = 5;

SEC("tc")
int globals_tc(struct __sk_buff *skb)
{
	__u32 i = skb->len & 3;

	if (skb->len > limit) {
		misses++;
		return 0;
	}
	hits += table[i];
	custom++;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";

// SPDX-License-Identifier: MIT
/* iter/bpf_map: list every BPF map with its id, size and name. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "kern_types.h"

SEC("iter/bpf_map")
int dump_map(struct bpf_iter__bpf_map *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct bpf_map *map = ctx->map;

	if (!map)
		return 0;
	BPF_SEQ_PRINTF(seq, "%4u %8u %s\n", map->id, map->max_entries, map->name);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

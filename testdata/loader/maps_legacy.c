// SPDX-License-Identifier: MIT
/* Loader test: legacy struct bpf_map_def maps in section "maps". */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct legacy_map_def {
	unsigned int type;
	unsigned int key_size;
	unsigned int value_size;
	unsigned int max_entries;
	unsigned int map_flags;
};

struct legacy_map_def SEC("maps") first = {
	.type = BPF_MAP_TYPE_ARRAY,
	.key_size = 4,
	.value_size = 8,
	.max_entries = 16,
};

struct legacy_map_def SEC("maps") second = {
	.type = BPF_MAP_TYPE_HASH,
	.key_size = 8,
	.value_size = 32,
	.max_entries = 1024,
	.map_flags = 1,
};

SEC("socket")
int legacy_sock(struct __sk_buff *skb)
{
	__u32 k = 0;
	__u64 key2 = skb->len;
	__u64 *v = bpf_map_lookup_elem(&first, &k);

	if (!v)
		return 0;
	if (bpf_map_lookup_elem(&second, &key2))
		return 1;
	return (int)*v;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

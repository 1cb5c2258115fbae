// SPDX-License-Identifier: MIT
/* XDP: consume rewrite jobs queued by user space: pop one MAC rewrite per packet. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>

struct job {
	__u8 mac[ETH_ALEN];
	__u16 ifindex;
};

struct {
	__uint(type, BPF_MAP_TYPE_QUEUE);
	__uint(max_entries, 128);
	__type(value, struct job);
} jobs SEC(".maps");

SEC("xdp")
int apply_job(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct job j;

	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;
	if (bpf_map_pop_elem(&jobs, &j))
		return XDP_PASS;
	__builtin_memcpy(eth->h_dest, j.mac, ETH_ALEN);
	return XDP_TX;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

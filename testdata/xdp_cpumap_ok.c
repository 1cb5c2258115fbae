// SPDX-License-Identifier: MIT
/* XDP: spread IPv4 packets over CPUs by source address, through a cpumap. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

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
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	return bpf_redirect_map(&cpus, bpf_ntohl(iph->saddr) % NCPUS, XDP_PASS);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

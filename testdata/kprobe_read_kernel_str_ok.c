// SPDX-License-Identifier: MIT
/* Print the name of each module being loaded (kernel string via bpf_probe_read_kernel_str). */
#include <linux/bpf.h>
#include <linux/ptrace.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("kprobe/do_init_module")
int BPF_KPROBE(trace_modload, void *mod)
{
	char name[56];

	/* struct module: state (4 bytes), list (16 bytes), then name[] at offset 24 */
	if (bpf_probe_read_kernel_str(name, sizeof(name), mod + 24) < 0)
		return 0;
	bpf_printk("module %s", name);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

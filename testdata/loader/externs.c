// SPDX-License-Identifier: MIT
/* Loader test: an extern kfunc, an extern __ksym variable and .kconfig externs. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

extern int bpf_fake_kfunc(int x) __ksym;
extern const int bpf_prog_active __ksym;
extern unsigned int LINUX_KERNEL_VERSION __kconfig;
extern _Bool CONFIG_BPF_SYSCALL __kconfig __weak;

SEC("tp_btf/sched_switch")
int ext_tp(void *ctx)
{
	long p = (long)&bpf_prog_active;

	if (!CONFIG_BPF_SYSCALL)
		return 0;
	return bpf_fake_kfunc(LINUX_KERNEL_VERSION) + (int)(p >> 3);
}

char LICENSE[] SEC("license") = "GPL";

// SPDX-License-Identifier: MIT
/* lsm bprm_check_security: refuse to execute programs from /tmp/ (-EACCES). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

#define EACCES 13

SEC("lsm/bprm_check_security")
int BPF_PROG(no_exec_tmp, struct linux_binprm *bprm)
{
	char path[16] = {};
	long n;

	n = bpf_probe_read_kernel_str(path, sizeof(path), bprm->filename);
	if (n < 6)
		return 0;
	if (path[0] == '/' && path[1] == 't' && path[2] == 'm' && path[3] == 'p' && path[4] == '/')
		return -EACCES;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

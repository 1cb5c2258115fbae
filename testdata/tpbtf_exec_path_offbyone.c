// SPDX-License-Identifier: MIT
/*
 * tp_btf sched_process_exec: count execs of programs under /tmp/. After the copy the
 * program cuts the path at its length, but the length returned by
 * bpf_probe_read_kernel_str already counts the terminating NUL and may be the full
 * buffer size. (The same body as lsm_bprm_check_offbyone, in a type that loads here.)
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

__u64 tmp_execs;

SEC("tp_btf/sched_process_exec")
int BPF_PROG(on_exec, struct task_struct *p, int old_pid, struct linux_binprm *bprm)
{
	char path[16] = {};
	long n;

	n = bpf_probe_read_kernel_str(path, sizeof(path), bprm->filename);
	if (n < 6)
		return 0;
	/* BUG: n can be 16, so path[n] is one byte past the buffer */
	path[n] = 0;
	if (path[0] == '/' && path[1] == 't' && path[2] == 'm' && path[3] == 'p' && path[4] == '/')
		__sync_fetch_and_add(&tmp_execs, 1);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";

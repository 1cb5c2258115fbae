/* SPDX-License-Identifier: MIT */
/*
 * Event records and tracepoint layouts shared by the tracing programs of the
 * corpus. Tracepoint structs follow the "format" files under
 * /sys/kernel/tracing/events (no vmlinux.h is available here).
 */
#ifndef CORPUS_EVENTS_H
#define CORPUS_EVENTS_H

#include <linux/types.h>

#define TASK_COMM_LEN 16
#define FNAME_LEN 64

/* One record sent to user space by the exec/open tracers */
struct exec_event {
	__u32 pid;
	__u32 tgid;
	__u64 ts_ns;
	char comm[TASK_COMM_LEN];
};

struct open_event {
	__u32 pid;
	__s32 flags;
	char fname[FNAME_LEN];
};

/* sched/sched_switch */
struct sched_switch_args {
	__u64 common;
	char prev_comm[TASK_COMM_LEN];
	__s32 prev_pid;
	__s32 prev_prio;
	__s64 prev_state;
	char next_comm[TASK_COMM_LEN];
	__s32 next_pid;
	__s32 next_prio;
};

/* syscalls/sys_enter_openat */
struct sys_enter_openat_args {
	__u64 common;
	__s32 syscall_nr;
	__u32 pad;
	__u64 dfd;
	__u64 filename;
	__u64 flags;
	__u64 mode;
};

#endif /* CORPUS_EVENTS_H */

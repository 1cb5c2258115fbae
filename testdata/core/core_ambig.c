// SPDX-License-Identifier: MIT
/*
 * CO-RE target with several candidates per local type, for tests/check_core.c:
 * core_bar and core_bar___dup place new_name at different offsets (a field
 * relocation of core_bar___v2 is ambiguous: an error, as in libbpf), while
 * core_inner and core_inner___same agree (x at 8, y at 12: no error).
 */
#include <linux/types.h>
#include <bpf/bpf_helpers.h>

struct core_bar {
	int pad;
	int new_name;
};

struct core_bar___dup {
	int new_name;
};

struct core_inner {
	long pad;
	int x;
	int y;
};

struct core_inner___same {
	long pad;
	int x;
	int y;
};

struct core_bar core_ambig_bar;
struct core_bar___dup core_ambig_bar_dup;
struct core_inner core_ambig_inner;
struct core_inner___same core_ambig_inner_same;

SEC("raw_tp/sys_enter")
int core_ambig_dummy(void *ctx)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";

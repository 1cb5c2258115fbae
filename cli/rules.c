// SPDX-License-Identifier: MIT
/*
 * rules: the rule ids that findings carry, with what `bpfverify rules`,
 * `bpfverify explain` and the SARIF rule metadata say about each: a summary,
 * a description, the usual fix, a small example, and the wording the Linux
 * verifier and PREVAIL use for the same problem, so users can search by the
 * message they already know. Ids and names must stay in sync with rules[] in
 * verifier/fix.c; an id is never reused for a different rule.
 */
#include <string.h>
#include <strings.h>

#include "cli.h"

const struct rule_info rule_table[] = {
	{ "P2.5", "bad-jump", NULL, "error",
	  "jump or call outside its function, or unreachable code",
	  "A jump or call target lies outside the program or crosses into another function, lands "
	  "in the middle of a 64-bit immediate load, or an instruction can never be reached. The "
	  "kernel builds the control-flow graph before any other check and rejects all of these.",
	  "usually a hand-written or patched program: check jump offsets; remove dead code the "
	  "compiler did not",
	  "    asm volatile(\"goto +1; r0 = 0; exit\");  /* r0 = 0 is unreachable */\n"
	  "fix: delete the unreachable instruction or make a branch reach it",
	  "jump out of range from insn %d to %d\n"
	  "unreachable insn %d\n"
	  "jump into the middle of ldimm64 insn %d\n"
	  "last insn is not an exit or jmp",
	  "\"jump out of bounds\", \"jump to undefined label\", \"jump to middle of lddw\", "
	  "\"fallthrough in last instruction\"" },
	{ "P2.6", "call-depth", NULL, "error", "more than 8 nested calls, or recursion",
	  "BPF-to-BPF calls may nest at most 8 frames deep and may not recurse; the combined stack "
	  "of the frames on a call chain is limited too.",
	  "inline deep helper functions (static __always_inline) or flatten the call chain; "
	  "replace recursion with a bounded loop",
	  "    static int f(int n) { return n ? f(n - 1) : 0; }  /* recursion */\n"
	  "fix: for (i = 0; i < N && n; i++) n--;",
	  "the call stack of %d frames is too deep !\n"
	  "back-edge from insn %d to %d\n"
	  "combined stack size of %d calls is %d. Too large",
	  "\"illegal recursion\", \"too many call stack frames\"" },
	{ "P2.7", "loop-unbounded", NULL, "error", "a loop not proven to terminate",
	  "The analysis could not show that a loop exits: its bound depends on a value the "
	  "verifier cannot bound (packet contents, map values, an unchecked length), or it never "
	  "changes. The kernel explores loop iterations one by one and gives up at one million "
	  "processed instructions or when a state repeats.",
	  "bound the loop with a constant (for (i = 0; i < MAX && i < n; i++)), or use bpf_loop()",
	  "    while (p < end) p += *p;  /* *p may be 0: no progress */\n"
	  "fix: for (int i = 0; i < 16 && p < end; i++) p += *p + 1;",
	  "infinite loop detected at insn %d\n"
	  "BPF program is too large. Processed 1000001 insn\n"
	  "back-edge from insn %d to %d",
	  "[BoundedLoopCount] (with termination checking on: loop counter <= 100000)" },
	{ "P3.1", "reg-uninit", NULL, "error", "a register is read before it is written",
	  "A register is used before any instruction on some path wrote it. At entry only r1 "
	  "(context) and r10 (frame pointer) are set; every helper call clobbers r1-r5.",
	  "initialise the variable on every path; after a helper call, reload values kept in r1-r5 "
	  "from callee-saved registers or the stack",
	  "    asm volatile(\"r0 = r2; exit\");  /* r2 never written */\n"
	  "fix: write r2 first, or use the value the helper call returned in r0",
	  "R%d !read_ok", "[TypeConstraint] on an uninitialised register (T_UNINIT)" },
	{ "P3.2", "r10-write", NULL, "error", "the frame pointer r10 is written",
	  "r10 is the read-only frame pointer; no instruction may write it.",
	  "copy r10 to another register and do the arithmetic there",
	  "    asm volatile(\"r10 += -8\");\n"
	  "fix: r1 = r10; r1 += -8;",
	  "frame pointer is read only", "\"invalid target r10\", \"cannot modify r10\"" },
	{ "P3.3", "ptr-arith", NULL, "error", "forbidden pointer arithmetic",
	  "Only 64-bit addition and subtraction of a bounded scalar may change a pointer. 32-bit "
	  "operations, multiplication, bitwise operations, pointer + pointer, arithmetic on map "
	  "handles, packet end or possibly-NULL pointers, and adding an unbounded value are "
	  "rejected.",
	  "bound the offset before adding it (if (off > MAX) return; or off &= MASK), and NULL-check "
	  "pointers before offsetting them",
	  "    __u32 off = *(__u32 *)map_value;  data += off;  /* unbounded */\n"
	  "fix: if (off > 1500) return XDP_PASS; data += off;",
	  "R%d 32-bit pointer arithmetic prohibited\n"
	  "R%d pointer arithmetic on %s prohibited, null-check it first\n"
	  "R%d bitwise operator %s on pointer prohibited\n"
	  "math between %s pointer and register with unbounded min value is not allowed",
	  "[Addable] \"Only numbers can be added to pointers\", [Comparable], "
	  "[TypeConstraint] number" },
	{ "P3.4", "ptr-cmp", NULL, "error", "pointer comparison (unprivileged)",
	  "Without CAP_PERFMON a program may compare a pointer only with NULL or, for packet "
	  "pointers, with data_end; other comparisons leak address bits.",
	  "compare the values the pointers point to, or offsets, not the pointers",
	  "    if (map_value > (void *)ctx) ...\n"
	  "fix: compare scalars derived from the data instead",
	  "R%d pointer comparison prohibited",
	  "[Comparable], [TypeConstraint] ptr_or_num (unprivileged program types)" },
	{ "P3.5", "ptr-leak", NULL, "error",
	  "a pointer becomes observable (unprivileged), or a partial pointer copy",
	  "With --unprivileged, a kernel address may not be stored in a map, the context or the "
	  "packet, passed to a helper argument that accepts any value, or returned; a pointer "
	  "spilled to the stack may not be read back with a narrower load.",
	  "store an id or an offset instead of the pointer",
	  "    *(__u64 *)value = (__u64)ctx;\n"
	  "fix: store a scalar (for example the ifindex) instead",
	  "R%d leaks addr into map\n"
	  "R%d leaks addr into mem\n"
	  "R%d leaks addr into ctx\n"
	  "R%d leaks addr into packet\n"
	  "R%d leaks addr as return value",
	  "[ValidStore] \"Only numbers can be stored to externally-visible regions\"" },
	{ "P4.1", "mem-nonptr", NULL, "error",
	  "memory access through a scalar or a non-dereferenceable pointer",
	  "A load or store uses a base register that holds a scalar, a map handle, packet end or a "
	  "pointer kind that cannot be dereferenced.",
	  "dereference only pointers the verifier can track: the context, the stack, packet data "
	  "after a bounds check, map values after a NULL check; read other memory with "
	  "bpf_probe_read_kernel()",
	  "    struct task_struct *t = (void *)PT_REGS_PARM1(ctx);  pid = t->pid;\n"
	  "fix: bpf_probe_read_kernel(&pid, sizeof(pid), &t->pid);",
	  "R%d invalid mem access 'scalar'\n"
	  "R%d invalid mem access '%s'",
	  "[TypeConstraint] pointer, [ValidAccess] \"Only pointers can be dereferenced\", "
	  "\"FDs cannot be dereferenced directly\"" },
	{ "P4.2", "stack-oob", NULL, "error", "stack access outside [fp-512, fp)",
	  "Each function has 512 bytes of stack below r10; an access, including one with a "
	  "variable offset, must fall inside it for every value the offset can take.",
	  "check the index against the array size before indexing a stack array; keep large "
	  "buffers in a per-CPU array map",
	  "    char buf[16]; buf[i] = 0;  /* i unchecked */\n"
	  "fix: if (i >= sizeof(buf)) return 0; buf[i] = 0;",
	  "invalid stack off=%d size=%d\n"
	  "invalid variable-offset write to stack R%d\n"
	  "invalid unbounded variable-offset write to stack R%d",
	  "[ValidAccess] on the stack (T_STACK); decode-time note \"Stack access out of bounds\"" },
	{ "P4.3", "stack-misaligned", NULL, "error", "stack access not aligned to its size",
	  "The kernel requires naturally aligned stack accesses (an 8-byte access at an offset "
	  "that is a multiple of 8).",
	  "use naturally aligned types on the stack, or copy through a properly aligned variable",
	  "    asm volatile(\"*(u64 *)(r10 - 12) = r1\");\n"
	  "fix: *(u64 *)(r10 - 16) = r1",
	  "misaligned stack access off %s+%d size %d",
	  "(none: PREVAIL has no alignment requirement)" },
	{ "P4.4", "stack-uninit", NULL, "error", "read of uninitialised stack (unprivileged)",
	  "With --unprivileged, stack bytes must be written before they are read, directly or by a "
	  "helper that reads memory (map keys and values, output buffers). Struct padding is a "
	  "common cause.",
	  "zero the variable first (__builtin_memset(&key, 0, sizeof(key))) so padding is "
	  "initialised too",
	  "    struct key k; k.ip = ip; bpf_map_lookup_elem(&m, &k);  /* padding unset */\n"
	  "fix: struct key k = {}; or __builtin_memset(&k, 0, sizeof(k));",
	  "invalid read from stack off %d+%d size %d\n"
	  "invalid indirect read from stack R%d off %d+%d size %d",
	  "\"Stack content is not numeric\", [ValidMapKeyValue]" },
	{ "P4.5", "spill", NULL, "error", "a pointer stored to the stack in part",
	  "A pointer may be saved on the stack only as a whole: an 8-byte store at an 8-byte "
	  "aligned slot, which the verifier tracks as a spilled register. Narrower stores of a "
	  "pointer are refused even for root.",
	  "keep pointers in 8-byte, 8-aligned stack variables (void *, __u64); never store part "
	  "of one",
	  "    *(__u32 *)(fp - 4) = ptr;  /* 4 bytes of a pointer */\n"
	  "fix: __u64 saved = (__u64)ptr; (an 8-byte slot)",
	  "invalid size of register spill", "[ValidStore]" },
	{ "P5.1", "ctx-access", NULL, "error",
	  "context access at a bad offset or size, or a write to a read-only field",
	  "Each program type has its own context structure; a load or store must hit a field the "
	  "type allows, with an allowed size, in an allowed direction, through the unmodified "
	  "context pointer.",
	  "use only the fields your program type's context documents (struct xdp_md, "
	  "struct __sk_buff, ...); read tracing arguments with the PT_REGS_* or BPF_PROG macros",
	  "    ctx->data = 0;  /* struct xdp_md fields are read-only */\n"
	  "fix: read ctx->data into a local and change the local",
	  "invalid bpf_context access off=%d size=%d\n"
	  "dereference of modified ctx ptr R%d off=%d disallowed",
	  "[ValidAccess] on the context (T_CTX), [ZeroCtxOffset]" },
	{ "P5.2", "pkt-oob", NULL, "error", "packet access not proven within data_end",
	  "A read or write of packet data is not covered by a comparison against data_end on "
	  "every path. After `if (p + N > data_end) return ...;` the verifier knows N bytes from p "
	  "are in the packet; any access past that, including an off-by-one, is rejected. The "
	  "check must cover the whole field that is read: (void *)(iph + 1) > data_end covers "
	  "every field of *iph.",
	  "compare data + N against data_end before reading N bytes",
	  "    if ((void *)iph + sizeof(*iph) - 1 > data_end) return XDP_DROP;\n"
	  "    if (iph->daddr == addr) ...      /* daddr ends at byte 20, 19 checked */\n"
	  "fix: if ((void *)(iph + 1) > data_end) return XDP_DROP;",
	  "invalid access to packet, off=%d size=%d, R%d(id=%d,off=%d,r=%d)\n"
	  "R%d offset is outside of the packet",
	  "[ValidAccess] on the packet (T_PACKET): the upper bound must stay <= packet_size" },
	{ "P5.4", "map-oob", NULL, "error", "map value access outside [0, value_size)",
	  "An access into a map value, with its constant and variable offset, may fall outside the "
	  "value, or the offset may be negative.",
	  "check an index against the array length with an unsigned comparison before indexing "
	  "into a map value",
	  "    val->slots[i]++;  /* i may be >= 16 or negative */\n"
	  "fix: if ((__u32)i >= 16) return 0; val->slots[i]++;",
	  "invalid access to map value, value_size=%d off=%d size=%d\n"
	  "R%d min value is negative, either use unsigned index or do a if (index >=0) check.\n"
	  "R%d unbounded memory access, make sure to bound it",
	  "[ValidAccess] on a shared region (T_SHARED)" },
	{ "P5.5", "null-deref", NULL, "error", "use of a pointer that may be NULL",
	  "A pointer returned by a helper that may fail (bpf_map_lookup_elem, "
	  "bpf_ringbuf_reserve, ...) is used before it is compared with NULL.",
	  "test the pointer before using it: if (!val) return 0;",
	  "    __u64 *v = bpf_map_lookup_elem(&m, &k); (*v)++;\n"
	  "fix: if (!v) return 0; (*v)++;",
	  "R%d invalid mem access 'map_value_or_null'\n"
	  "R%d invalid mem access 'ringbuf_mem_or_null'",
	  "\"Possible null access\"" },
	{ "P5.6", "mem-access", NULL, "error",
	  "other memory rule (read-only memory, special memory regions)",
	  "A store targets memory the program may only read (a read-only map, .rodata, a read-only "
	  "helper buffer), or touches a memory region in a way its kind does not allow.",
	  "do not write const data; keep mutable state in a writable map or global variable",
	  "    const volatile int limit = 10; ... *(int *)&limit = 0;\n"
	  "fix: move the value to a writable .bss/.data variable or a map",
	  "write into map forbidden\n"
	  "cannot write into packet",
	  "[ValidAccess] with access type write" },
	{ "P5.7", "ld-abs", NULL, "error", "legacy packet load (LD_ABS/LD_IND) misuse",
	  "Legacy packet loads need r6 to hold the socket-buffer context and a program type with "
	  "skb access; they clobber r1-r5.",
	  "keep the context in r6 for LD_ABS/LD_IND, or use bpf_skb_load_bytes()",
	  "    asm volatile(\"r6 = 0; r0 = *(u8 *)skb[12]\");\n"
	  "fix: r6 = r1 (the context) before the load",
	  "at the time of BPF_LD_ABS|IND R6 != pointer to skb\n"
	  "BPF_LD_[ABS|IND] instructions not allowed for this program type",
	  "[TypeConstraint] ctx on r6, [ZeroCtxOffset]" },
	{ "P6.1", "helper-unavailable", NULL, "error",
	  "helper not offered to the program type, or GPL-only",
	  "The program type cannot call this helper, or the helper is GPL-only and the object's "
	  "license is not GPL-compatible.",
	  "pick a helper the program type offers (see bpftool feature probe), or declare a "
	  "GPL-compatible license: char LICENSE[] SEC(\"license\") = \"GPL\";",
	  "    SEC(\"xdp\") ... bpf_get_current_comm(buf, sizeof(buf));\n"
	  "fix: use the helper in a tracing program, or pass the data through a map",
	  "program of this type cannot use helper %s#%d\n"
	  "unknown func %s#%d\n"
	  "cannot call GPL-restricted function from non-GPL compatible program",
	  "\"invalid helper function id\"" },
	{ "P6.2", "helper-args", NULL, "error", "helper argument does not match the prototype",
	  "A helper argument has the wrong kind (for example a scalar where memory is expected), "
	  "points to memory that is too small or not initialised, or a length may be zero, "
	  "negative or unbounded.",
	  "pass a pointer to enough initialised memory and bound length arguments "
	  "(if (len > sizeof(buf)) len = sizeof(buf);)",
	  "    bpf_probe_read_kernel(buf, len, src);  /* len unbounded */\n"
	  "fix: if (len > sizeof(buf)) return 0; bpf_probe_read_kernel(buf, len, src);",
	  "R%d type=%s expected=%s\n"
	  "invalid indirect read from stack R%d off %d+%d size %d\n"
	  "R%d min value is negative, either use unsigned or 'var &= const'\n"
	  "R%d unbounded memory access, use 'var &= const' or 'if (var < const)'\n"
	  "invalid zero-sized read",
	  "[ValidCall], [TypeConstraint], [ValidMapKeyValue], [ValidSize]" },
	{ "P6.4", "ref-leak", "spin-lock", "error",
	  "acquired reference not released, or spin lock misuse",
	  "A reference acquired from a helper (a ring buffer reservation, a socket) must be "
	  "released exactly once on every path and not used afterwards; a bpf_spin_lock must be "
	  "released before exit and no other helper may be called while it is held.",
	  "release on every path (bpf_ringbuf_submit/discard, bpf_sk_release), including early "
	  "returns; keep spin-locked sections free of calls",
	  "    e = bpf_ringbuf_reserve(&rb, sizeof(*e), 0); if (!e) return 0;\n"
	  "    if (cond) return 0;  /* leaks e */\n"
	  "fix: if (cond) { bpf_ringbuf_discard(e, 0); return 0; }",
	  "Unreleased reference id=%d alloc_insn=%d\n"
	  "bpf_spin_unlock is missing\n"
	  "function calls are not allowed while holding a lock",
	  "(no general reference accounting)" },
	{ "P6.5", "kfunc", NULL, "warning", "kfunc call (inconclusive)",
	  "Calls to kernel functions (kfuncs) are described by the running kernel's BTF, which "
	  "bpfverify does not model; the program is reported inconclusive, not unsafe.",
	  "verify with the kernel (bpftool prog load) or suppress with --suppress P6.5",
	  "    bpf_task_acquire(task);\n"
	  "fix: none needed if the kernel accepts it",
	  "calling kernel function %s is not allowed", "CallBtf (kfunc table)" },
	{ "P6.6", "bpf-call", NULL, "error", "BPF-to-BPF call misuse",
	  "A call to another BPF function passes arguments its BTF signature does not allow, "
	  "or the callee's frame or stack use breaks the calling rules.",
	  "match global function arguments to their BTF types; NULL-check pointer arguments in the "
	  "callee",
	  "    __noinline int f(struct xdp_md *ctx, int *p) { return *p; }  /* p may be NULL */\n"
	  "fix: if (!p) return 0; return *p;",
	  "R%d invalid mem access 'mem_or_null'\n"
	  "Caller passes invalid args into func#%d",
	  "CallLocal (inlined per call site)" },
	{ "P6.8", "tail-call", NULL, "error", "tail call misuse",
	  "bpf_tail_call() needs a program-array map, and mixing tail calls with BPF-to-BPF calls "
	  "is limited in stack use.",
	  "pass a BPF_MAP_TYPE_PROG_ARRAY map to bpf_tail_call()",
	  "    bpf_tail_call(ctx, &hash_map, 0);\n"
	  "fix: declare the map as BPF_MAP_TYPE_PROG_ARRAY",
	  "cannot pass map_type %d into func bpf_tail_call#%d\n"
	  "tail_calls are not allowed when call stack of previous frames is %d bytes. Too large",
	  "\"tail call not supported in subprogram\"" },
	{ "P7.1", "div-zero", NULL, "error", "division by a possibly-zero divisor (--strict only)",
	  "RFC 9669 defines division by zero (the result is 0, modulo leaves the dividend) and the "
	  "kernel accepts it; with --strict bpfverify still reports it as it is rarely intended.",
	  "test the divisor before dividing: if (d == 0) return 0;",
	  "    avg = sum / cnt;\n"
	  "fix: avg = cnt ? sum / cnt : 0;",
	  "div by zero (immediate zero only)", "[ValidDivisor] \"Possible division by zero\"" },
	{ "P8.2", "atomic", NULL, "error", "atomic operation on a forbidden memory kind",
	  "Atomic operations work on the stack and map values only, never on the context or packet "
	  "data, and may not store pointers.",
	  "keep counters in a map value and update them with __sync_fetch_and_add()",
	  "    __sync_fetch_and_add(&skb->mark, 1);\n"
	  "fix: count in a map value instead",
	  "BPF_ATOMIC stores into R%d %s is not allowed",
	  "[TypeConstraint] pointer, [ValidAccess] (write)" },
	{ "P9.1", "exit-r0-uninit", NULL, "error", "r0 not set at exit",
	  "The return value register r0 is not written on some path that reaches exit.",
	  "return a value on every path",
	  "    asm volatile(\"exit\");\n"
	  "fix: r0 = 0; exit",
	  "R0 !read_ok", "[TypeConstraint] number on r0 at exit" },
	{ "P9.2", "ret-ptr", NULL, "error", "a pointer returned where a scalar is required",
	  "The program returns a pointer in r0; the main program must return a scalar.",
	  "return a scalar (an action code or 0/1), never a pointer",
	  "    return (long)ctx;\n"
	  "fix: return XDP_PASS;",
	  "R0 leaks addr as return value\n"
	  "At program exit the register R0 is not a known value",
	  "[TypeConstraint] number on r0 at exit" },
	{ "P9.3", "ret-range", NULL, "error", "return value outside the program type's range",
	  "Some program types restrict the return value: cgroup programs must return 0 or 1 (for "
	  "example), LSM programs an errno in [-4095, 0].",
	  "return only the values the program type allows (cgroup_skb: 1 allow, 0 deny)",
	  "    SEC(\"cgroup_skb/ingress\") int f(struct __sk_buff *s) { return 2; }\n"
	  "fix: return 1;",
	  "At program exit the register R0 has smin=%lld smax=%lld should have been in [0, 1]\n"
	  "At program exit the register R0 has unknown scalar value should have been in [0, 1]",
	  "(not enforced by PREVAIL)" },
	{ "P10.1", "unsupported", NULL, "warning", "feature not modelled (inconclusive)",
	  "The program uses something bpfverify does not model (an unknown program type or "
	  "section name, an instruction, helper or map kind); the verdict is inconclusive, never "
	  "accept or reject.",
	  "give the program type with --type when the section name is unusual; otherwise check "
	  "the program with the kernel",
	  "    SEC(\"my_custom_section\") int f(void *ctx) { ... }\n"
	  "fix: bpfverify --type xdp prog.o",
	  "(no kernel equivalent: the kernel knows every feature it supports)", "(no equivalent)" },
	{ "P10.3", "budget", NULL, "warning", "analysis budget spent (inconclusive)",
	  "The analysis stopped after --max-insns processed instructions or --timeout seconds "
	  "before reaching a verdict.",
	  "raise --max-insns or --timeout; simplify loops with many paths",
	  "    for (i = 0; i < 100000; i++) ...\n"
	  "fix: bpfverify --max-insns 5000000 prog.o",
	  "BPF program is too large. Processed %d insn\n"
	  "The sequence of %d jumps is too complex.",
	  "(none: PREVAIL has no budget)" },
};

const size_t rule_cnt = sizeof(rule_table) / sizeof(rule_table[0]);

const struct rule_info *rule_find(const char *s)
{
	for (size_t i = 0; i < rule_cnt; i++)
		if (!strcasecmp(s, rule_table[i].id) || !strcmp(s, rule_table[i].name) ||
		    (rule_table[i].alias && !strcmp(s, rule_table[i].alias)))
			return &rule_table[i];
	return NULL;
}

static void json_lines(const char *s)
{
	bool first = true;

	putchar('[');
	while (*s) {
		size_t n = strcspn(s, "\n");
		char buf[512];

		snprintf(buf, sizeof(buf), "%.*s", (int)n, s);
		if (!first)
			putchar(',');
		first = false;
		json_str(stdout, buf);
		s += n;
		if (*s)
			s++;
	}
	putchar(']');
}

int cmd_rules(enum out_fmt fmt)
{
	if (fmt == FMT_JSON) {
		printf("{\"version\":1,\"rules\":[");
		for (size_t i = 0; i < rule_cnt; i++) {
			const struct rule_info *r = &rule_table[i];

			printf("%s\n  {\"id\":", i ? "," : "");
			json_str(stdout, r->id);
			printf(",\"name\":");
			json_str(stdout, r->name);
			printf(",\"aliases\":[");
			if (r->alias)
				json_str(stdout, r->alias);
			printf("],\"level\":\"%s\",\"summary\":", r->level);
			json_str(stdout, r->summary);
			printf(",\"description\":");
			json_str(stdout, r->description);
			printf(",\"hint\":");
			json_str(stdout, r->hint);
			printf(",\"example\":");
			json_str(stdout, r->example);
			printf(",\"kernel_messages\":");
			json_lines(r->kernel);
			printf(",\"prevail\":");
			json_str(stdout, r->prevail);
			putchar('}');
		}
		printf("\n]}\n");
		return EXIT_OK;
	}
	for (size_t i = 0; i < rule_cnt; i++)
		printf("%-6s %-20s %s\n", rule_table[i].id, rule_table[i].name,
		       rule_table[i].summary);
	return EXIT_OK;
}

/* Print @s wrapped at 78 columns */
static void wrapped(const char *s)
{
	size_t col = 0;

	while (*s) {
		size_t n = strcspn(s, " ");

		if (col && col + 1 + n > 78) {
			putchar('\n');
			col = 0;
		} else if (col) {
			putchar(' ');
			col++;
		}
		printf("%.*s", (int)n, s);
		col += n;
		s += n;
		while (*s == ' ')
			s++;
	}
	putchar('\n');
}

static void indented(const char *s)
{
	while (*s) {
		size_t n = strcspn(s, "\n");

		printf("    %.*s\n", (int)n, s);
		s += n;
		if (*s)
			s++;
	}
}

int cmd_explain(int argc, char **argv)
{
	int code = EXIT_OK;

	if (argc < 1) {
		fprintf(stderr, "usage: bpfverify explain RULE...  (an id such as P5.2 or a name "
				"such as pkt-oob)\n");
		return EXIT_USAGE;
	}
	for (int a = 0; a < argc; a++) {
		const struct rule_info *r = rule_find(argv[a]);

		if (!r) {
			fprintf(stderr, "bpfverify: unknown rule '%s' (see bpfverify rules)\n",
				argv[a]);
			code = EXIT_USAGE;
			continue;
		}
		if (a)
			putchar('\n');
		printf("%s %s: %s\n\n", r->id, r->name, r->summary);
		if (r->alias)
			printf("Also reported as: %s\n\n", r->alias);
		wrapped(r->description);
		printf("\nExample:\n");
		indented(r->example);
		printf("\nUsual fix:\n");
		wrapped(r->hint);
		printf("\nKernel verifier messages (search terms):\n");
		indented(r->kernel);
		printf("\nPREVAIL assertions:\n");
		wrapped(r->prevail);
		printf("\nSeverity: %s (%s)\n", r->level,
		       !strcmp(r->level, "error") ? "the program is rejected, exit status 1"
						  : "the verdict is inconclusive, exit status 4");
	}
	return code;
}

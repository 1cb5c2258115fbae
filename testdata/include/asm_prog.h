/* SPDX-License-Identifier: MIT */
/*
 * Helpers for the hand-assembled corpus programs (asm_*.c): each program is one
 * naked C function whose body is a single asm block, so the object holds exactly
 * the instructions written. Operands name helpers and maps as immediates.
 */
#ifndef CORPUS_ASM_PROG_H
#define CORPUS_ASM_PROG_H

#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define __naked __attribute__((naked))
/* Use as an asm input: "call %[bpf_map_lookup_elem];" :: __imm(bpf_map_lookup_elem) */
#define __imm(name) [name] "i"(name)
/* Use as an asm input: "r1 = %[my_map] ll;" :: __imm_addr(my_map) */
#define __imm_addr(name) [name] "i"(&name)
/* Use as an asm input: "r2 = *(u32 *)(r1 + %[len_off]);" :: __imm_const(len_off, ...) */
#define __imm_const(name, expr) [name] "i"(expr)

#endif /* CORPUS_ASM_PROG_H */

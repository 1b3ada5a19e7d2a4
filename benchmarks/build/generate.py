#!/usr/bin/env python3
"""Generates the build benchmark's stencil library: 300 stack-VM cases for seven triples.

    generate.py DIR [--change K]

writes, under DIR,

  c/bench.h, c/bench.c, c/bench_cases.c, c/shim.c   the template, cases and shim (the shape of
                                                   examples/src/main/c/stackvm)
  java/io/stencil4j/bench/BuildBench.java          the @Stencil interface (no methods)
  floor/isolated/<triple>/<n>-<NAME>.c             each case pasted into the template alone, as
                                                   -Astencil.isolated compiles it (and the shim)
  floor/batch/<triple>.c                           the 300 cases in one translation unit, as a
                                                   batch of the processor's would hold them
  floor/isolated.jobs, floor/batch.jobs            one clang argument list per line (xargs -L1)

With --change K, only c/bench_cases.c is rewritten, with case CHANGED_CASE's constant replaced by
one that depends on K: each K is an edit never seen before, so a cache cannot already hold it.

The floor's translation units are built as io.stencil4j.processor.compile.TranslationUnit builds
them (#line directives, the enum of case names, _JIT_CASE, a batch's _JIT_ENTRY_NAME) and its
jobs carry the processor's flags (Toolchain.commonFlags, Targets, LibraryBuilder.BATCH_FLAGS).
"""
import os
import re
import sys

CASES = 300
CHANGED_CASE = 150

TRIPLES = [
    "x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu", "x86_64-apple-darwin",
    "aarch64-apple-darwin", "x86_64-pc-windows-msvc", "i686-pc-windows-msvc",
    "aarch64-pc-windows-msvc",
]

# Toolchain.commonFlags() for clang, then Targets.of(triple).flags()
COMMON_FLAGS = ["-c", "-O3", "-std=c11", "-ffreestanding", "-fno-builtin",
                "-fno-asynchronous-unwind-tables", "-fno-unwind-tables", "-fno-stack-protector",
                "-fno-common", "-ffp-contract=off", "-fno-color-diagnostics"]
TRIPLE_FLAGS = {
    "x86_64-unknown-linux-gnu": ["-fno-pic", "-mcmodel=medium", "-mlarge-data-threshold=0",
                                 "-fno-plt", "-fno-jump-tables"],
    "aarch64-unknown-linux-gnu": ["-fpic", "-mno-outline-atomics"],
    "x86_64-apple-darwin": ["-fno-plt", "-fomit-frame-pointer"],
    "aarch64-apple-darwin": [],
    "x86_64-pc-windows-msvc": ["-fms-runtime-lib=dll"],
    "i686-pc-windows-msvc": ["-fms-runtime-lib=dll", "-Wno-ignored-attributes"],
    "aarch64-pc-windows-msvc": ["-fms-runtime-lib=dll", "-fplt"],
}
# LibraryBuilder.BATCH_FLAGS
BATCH_FLAGS = ["-ffunction-sections", "-fdata-sections", "-falign-functions=1"]

HEADER = """\
/* The build benchmark's stencil calling convention (the shape of the stack VM's stackvm.h). */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

#if defined(__clang__) && (defined(__x86_64__) || defined(__aarch64__))
#define STENCIL_CC __attribute__((preserve_none))
#else
#define STENCIL_CC
#endif

#if defined(__clang__)
#define MUSTTAIL __attribute__((musttail))
#else
#define MUSTTAIL
#endif

#ifdef _WIN32
#define HOLE __declspec(dllimport)
#else
#define HOLE
#endif

#define U(x) ((uint64_t)(x))

typedef int64_t STENCIL_CC bench_stencil(int64_t *sp, int64_t *locals);

/* The host's helper that some cases call. */
int64_t bench_host_mix(int64_t value, int64_t salt);

#endif
"""

TEMPLATE = """\
/* The build benchmark's stencil template: each case of bench_cases.c is pasted below. */
#include "bench.h"

HOLE extern char _JIT_VALUE[];
HOLE extern char _JIT_INDEX[];
extern int64_t STENCIL_CC _JIT_CONTINUE(int64_t *sp, int64_t *locals);
extern int64_t STENCIL_CC _JIT_TARGET(int64_t *sp, int64_t *locals);

#define VALUE ((int64_t)(intptr_t)_JIT_VALUE)
#define INDEX ((intptr_t)_JIT_INDEX)
#define JUMP_TO_TARGET() MUSTTAIL return _JIT_TARGET(sp, locals)

int64_t STENCIL_CC _JIT_ENTRY(int64_t *sp, int64_t *locals) {
  switch (_JIT_CASE) {
    CASE
  }
  MUSTTAIL return _JIT_CONTINUE(sp, locals);
}
"""

SHIM = """\
/* The entry from C into a chain of stencils. */
#include "bench.h"

extern int64_t STENCIL_CC _JIT_CONTINUE(int64_t *sp, int64_t *locals);

int64_t _JIT_ENTRY(int64_t *stack, int64_t *locals) {
  return _JIT_CONTINUE(stack, locals);
}
"""

JAVA = """\
package io.stencil4j.bench;

import io.stencil4j.Stencil;

/** The build benchmark's 300 generated stencils, for every triple; no emitter methods. */
@Stencil(template = "bench.c", cases = "bench_cases.c", shim = "shim.c",
    triples = {%s})
public interface BuildBench {
}
""" % ", ".join('"%s"' % t for t in TRIPLES)

# Straight-line arithmetic on the operand stack, one or two holes each; {c} is the case's own
# constant, so every case is distinct. All arithmetic wraps (unsigned), with no division (a
# 64-bit division on i686 is a libcall).
ARITHMETIC = [
    "sp[-1] = (int64_t)(U(sp[-1]) * U(VALUE) + {c}u);",
    "sp--;\n        sp[-1] = (int64_t)(U(sp[-1]) + U(sp[0]) * {c}u + U(VALUE));",
    "*sp++ = (int64_t)(U(locals[INDEX]) * {c}u + U(VALUE));",
    "locals[INDEX] = (int64_t)(U(*--sp) ^ {c}u);",
    "sp[-1] = (int64_t)((U(sp[-1]) << ({c} & 31)) ^ U(VALUE));",
    "sp[-1] = (int64_t)((U(sp[-1]) >> ({c} % 13 + 1)) + U(locals[INDEX]));",
    "sp--;\n        sp[-1] = sp[-1] < (int64_t)(U(sp[0]) + {c}u) ? VALUE : -{c};",
    "sp[-1] = (int64_t)((U(sp[-1]) & U(VALUE)) | {c}u);",
    "int64_t old = locals[INDEX];\n        locals[INDEX] = (int64_t)(U(old) + {c}u);\n"
    "        *sp++ = old;",
    "sp[-1] = sp[-1] < VALUE ? VALUE : (int64_t)(U(sp[-1]) - {c}u);",
    "sp--;\n        sp[-1] = (int64_t)((U(sp[-1]) - U(sp[0])) * {c}u);",
    "sp[-1] = (int64_t)(U(sp[-1]) * U(sp[-1]) + U(VALUE) * {c}u);",
    "*sp++ = (int64_t)(U(VALUE) + {c}u);",
    "sp[-1] = (int64_t)(U(sp[-1]) + U(locals[INDEX]) * {c}u);",
]
COMPARISONS = ["==", "!=", "<", ">", "<=", ">="]


def case_body(i, c):
    """The statements of case i with constant c."""
    if i % 15 == 7:  # a conditional jump to a label
        op = COMPARISONS[i // 15 % len(COMPARISONS)]
        return ("if ((int64_t)(U(*--sp) + {c}u) %s VALUE) {{\n"
                "            JUMP_TO_TARGET();\n"
                "        }}\n"
                "        break;" % op).format(c=c)
    if i % 20 == 3:  # a call to the host
        return ("sp[-1] = bench_host_mix((int64_t)(U(sp[-1]) + U(VALUE)), {c});\n"
                "        break;").format(c=c)
    if i % 25 == 11:  # a constant table inside the stencil
        table = ", ".join(str((c * 7919 + k * 104729) % 1000003) for k in range(8))
        return ("static const int64_t table[8] = {{{t}}};\n"
                "        *sp++ = (int64_t)(U(table[INDEX & 7]) + {c}u);\n"
                "        break;").format(t=table, c=c)
    return ARITHMETIC[i % len(ARITHMETIC)].format(c=c) + "\n        break;"


def cases_text(change):
    parts = ["/* The build benchmark's %d generated cases, one stencil each. */\n" % CASES]
    for i in range(CASES):
        c = i + 1
        if change is not None and i == CHANGED_CASE:
            c = 100000 + change
        parts.append("\n    case OP_%03d: {\n        %s\n    }\n" % (i, case_body(i, c)))
    return "".join(parts)


def split_cases(path, text):
    """(name, text, line) per case, as CaseSplitter.DEFAULT_PATTERN finds them."""
    pattern = re.compile(r"(?m)^(?P<indent>[ \t]*)(?P<case>case[ \t]+(?P<name>\w+)[ \t]*:[ \t]*"
                         r"\{[ \t]*\n(?s:.*?)\n(?P=indent)\})[ \t]*$")
    found = []
    for m in pattern.finditer(text):
        found.append((m.group("name"), m.group("case"), text.count("\n", 0, m.start("case")) + 1))
    return found


def line_directive(line, path):
    return '#line %d "%s"\n' % (line, path)


def instance(template_path, before, after, case_line_in_template, cases_path, name, text, line):
    return ("#define _JIT_CASE " + name + "\n" + line_directive(1, template_path) + before + "\n"
            + line_directive(line, cases_path) + text + "\n"
            + line_directive(case_line_in_template, template_path) + after)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--change"):
        sys.exit("usage: generate.py DIR [--change K]")
    root = os.path.abspath(argv[1])
    change = int(argv[3]) if len(argv) == 4 else None
    cdir = os.path.join(root, "c")
    cases_path = os.path.join(cdir, "bench_cases.c")
    cases = cases_text(change)
    write(cases_path, cases)
    if change is not None:
        return
    template_path = os.path.join(cdir, "bench.c")
    shim_path = os.path.join(cdir, "shim.c")
    write(os.path.join(cdir, "bench.h"), HEADER)
    write(template_path, TEMPLATE)
    write(shim_path, SHIM)
    write(os.path.join(root, "java/io/stencil4j/bench/BuildBench.java"), JAVA)

    split = split_cases(cases_path, cases)
    names = [s[0] for s in split]
    if len(split) != CASES or len(set(names)) != CASES or len(set(s[1] for s in split)) != CASES:
        sys.exit("generate.py: expected %d distinct cases, found %d" % (CASES, len(split)))
    token = TEMPLATE.index("    CASE\n") + 4
    before, after = TEMPLATE[:token], TEMPLATE[token + 4:]
    case_line = TEMPLATE.count("\n", 0, token) + 1

    floor = os.path.join(root, "floor")
    isolated_jobs, batch_jobs = [], []
    for triple in TRIPLES:
        flags = ["--target=" + triple] + COMMON_FLAGS + TRIPLE_FLAGS[triple] + ["-iquote", cdir]
        tdir = os.path.join(floor, "isolated", triple)
        units = [("0-SHIM", line_directive(1, shim_path) + SHIM)]
        for n, (name, text, line) in enumerate(split, start=1):
            units.append(("%d-%s" % (n, name), "enum { " + name + " };\n" + instance(
                template_path, before, after, case_line, cases_path, name, text, line)))
        for stem, text in units:
            source = os.path.join(tdir, stem + ".c")
            write(source, text)
            isolated_jobs.append(" ".join(flags + ["-o", source[:-2] + ".o", source]))
        # the whole library in one unit: what one batch of 300 would be
        batch = ["enum { " + ", ".join(names) + " };\n"]
        for name, text, line in split:
            batch.append("#define _JIT_ENTRY _JIT_ENTRY_" + name + "\n"
                         + instance(template_path, before, after, case_line, cases_path, name,
                                    text, line)
                         + "\n#undef _JIT_ENTRY\n#undef _JIT_CASE\n")
        source = os.path.join(floor, "batch", triple + ".c")
        write(source, "".join(batch))
        batch_jobs.append(" ".join(flags + BATCH_FLAGS + ["-o", source[:-2] + ".o", source]))
    write(os.path.join(floor, "isolated.jobs"), "\n".join(isolated_jobs) + "\n")
    write(os.path.join(floor, "batch.jobs"), "\n".join(batch_jobs) + "\n")


if __name__ == "__main__":
    main(sys.argv)

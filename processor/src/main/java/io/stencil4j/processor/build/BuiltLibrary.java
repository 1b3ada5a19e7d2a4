package io.stencil4j.processor.build;

import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import io.stencil4j.processor.spec.VariantCase;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What building one {@code @Stencil} interface produced, before anything is written.
 *
 * @param names the stencil names, in declaration order (the shim first)
 * @param variants the variant cases, whose stencils are among {@code names}
 * @param libraries the stencils per triple, in annotation order
 * @param disassembly per triple, per stencil name, llvm-objdump's lines (empty without objdump)
 * @param digest a SHA-256 of every input, hex
 * @param sources the input files' names, for the header's comment
 * @param inputs every file the stencils were built from (the template, cases and shim, each
 *     header a compiler read, the snapshots of a build without a compiler), with the SHA-256 of
 *     its contents as the build read them
 * @param compiled how many stencils (over all triples) were compiled
 * @param cached how many came from the cache
 * @param snapshotted how many came from snapshots
 * @param compilerRuns how many times the compiler ran
 * @param compilerNanos the compiler's run times added up
 * @param notes what the user should know, e.g. that batching fell back to single cases
 * @param warnings the compilers' warnings, each distinct one once
 */
public record BuiltLibrary(List<String> names, List<VariantCase> variants,
    Map<Triple, StencilLibrary> libraries,
    Map<Triple, Map<String, List<String>>> disassembly, String digest, String sources,
    Map<Path, String> inputs, int compiled, int cached, int snapshotted, int compilerRuns,
    long compilerNanos, List<String> notes, List<Warning> warnings) {

  /** Keeps {@code inputs} sorted by path, so that the inputs record is stable. */
  public BuiltLibrary {
    variants = List.copyOf(variants);
    inputs = Collections.unmodifiableMap(new TreeMap<>(inputs));
  }

  /**
   * A compiler's warning.
   *
   * @param member the {@code @Stencil} member of the file compiled, to report it on
   * @param message which compiler warned on which stencils and triples, and its diagnostic
   */
  public record Warning(String member, String message) {}
}

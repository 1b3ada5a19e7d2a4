package io.stencil4j.processor.spec;

import io.stencil4j.model.Triple;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a stencil library is built from, on the C side: the same for the annotation processor
 * and the command line.
 *
 * @param template the C template
 * @param cases the cases file, if any
 * @param shim the shim, if any
 * @param helpers the native helpers, if any
 * @param triples the target triples, in order, without repeats
 * @param includes include directories
 * @param defines preprocessor definitions, {@code NAME} or {@code NAME=VALUE}
 * @param flags extra compiler flags
 * @param header the C headers' base name, a lower-case C identifier
 * @param caseSplitter splits the cases file
 */
public record LibrarySpec(Path template, Optional<Path> cases, Optional<Path> shim,
    Optional<Path> helpers, List<Triple> triples, List<Path> includes, List<String> defines,
    List<String> flags, String header, CaseSplitter caseSplitter) {

  /**
   * Copies the lists, so that a spec cannot change once validated.
   *
   * @param template the C template
   * @param cases the cases file, if any
   * @param shim the shim, if any
   * @param helpers the native helpers, if any
   * @param triples the target triples, in order, without repeats
   * @param includes include directories
   * @param defines preprocessor definitions, {@code NAME} or {@code NAME=VALUE}
   * @param flags extra compiler flags
   * @param header the C headers' base name, a lower-case C identifier
   * @param caseSplitter splits the cases file
   */
  public LibrarySpec {
    triples = List.copyOf(triples);
    includes = List.copyOf(includes);
    defines = List.copyOf(defines);
    flags = List.copyOf(flags);
  }
}

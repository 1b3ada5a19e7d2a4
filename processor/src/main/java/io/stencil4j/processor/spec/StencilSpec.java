package io.stencil4j.processor.spec;

import io.stencil4j.model.Triple;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * The validated values of one {@code @Stencil} annotation, with its C files found.
 *
 * @param type the annotated interface
 * @param template the C template
 * @param cases the cases file, if any
 * @param shim the shim, if any
 * @param triples the target triples, in annotation order, without repeats
 * @param includes include directories
 * @param defines preprocessor definitions, {@code NAME} or {@code NAME=VALUE}
 * @param flags extra clang flags
 * @param header the C headers' base name, a lower-case C identifier
 * @param caseSplitter splits the cases file
 * @param emitters the interface's emitter methods
 */
public record StencilSpec(TypeElement type, Path template, Optional<Path> cases,
    Optional<Path> shim, List<Triple> triples, List<Path> includes, List<String> defines,
    List<String> flags, String header, CaseSplitter caseSplitter, List<EmitterMethod> emitters) {

  public StencilSpec {
    triples = List.copyOf(triples);
    includes = List.copyOf(includes);
    defines = List.copyOf(defines);
    flags = List.copyOf(flags);
    emitters = List.copyOf(emitters);
  }
}

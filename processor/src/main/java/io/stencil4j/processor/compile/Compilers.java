package io.stencil4j.processor.compile;

import io.stencil4j.model.Triple;
import io.stencil4j.processor.spec.LibrarySpec;
import io.stencil4j.processor.target.Target;
import java.util.List;
import java.util.Optional;

/**
 * Which compiler builds each triple: gcc the x86-64 Linux stencils when asked, clang the rest.
 *
 * @param clang compiles every triple's stencils (none: only snapshots can be read)
 * @param gcc when present, compiles the x86-64 Linux stencils instead
 */
public record Compilers(Optional<Toolchain> clang, Optional<Toolchain> gcc) {

  private boolean byGcc(Triple triple) {
    return gcc.isPresent() && triple == Triple.X86_64_UNKNOWN_LINUX_GNU;
  }

  /**
   * {@return the compiler of {@code triple}'s stencils}
   *
   * @param triple the triple
   */
  public Toolchain of(Triple triple) {
    return byGcc(triple) ? gcc.get() : clang.orElseThrow();
  }

  /**
   * {@return the target {@code triple}'s stencils are compiled for}
   *
   * @param triple the triple
   */
  public Target target(Triple triple) {
    return byGcc(triple) ? Target.gcc() : Target.of(triple);
  }

  /**
   * {@return the flags {@code spec}'s units are compiled with for {@code triple}}
   *
   * @param spec the library
   * @param triple the triple
   */
  public List<String> flags(LibrarySpec spec, Triple triple) {
    return CompileFlags.of(spec, target(triple),
        byGcc(triple) ? Toolchain.Kind.GCC : Toolchain.Kind.CLANG);
  }
}

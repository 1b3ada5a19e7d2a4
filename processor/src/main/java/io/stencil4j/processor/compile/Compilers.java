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

  /** The compiler of {@code triple}'s stencils. */
  public Toolchain of(Triple triple) {
    return byGcc(triple) ? gcc.get() : clang.orElseThrow();
  }

  /** The target {@code triple}'s stencils are compiled for. */
  public Target target(Triple triple) {
    return byGcc(triple) ? Target.gcc() : Target.of(triple);
  }

  /** The flags {@code spec}'s units are compiled with for {@code triple}. */
  public List<String> flags(LibrarySpec spec, Triple triple) {
    return CompileFlags.of(spec, target(triple),
        byGcc(triple) ? Toolchain.Kind.GCC : Toolchain.Kind.CLANG);
  }
}

package io.stencil4j.processor.cache;

import io.stencil4j.model.StencilGroup;
import java.util.List;
import java.util.Map;

/**
 * A stencil as built before, with what it was built from beyond its cache key.
 *
 * @param stencil the stencil
 * @param disassembly llvm-objdump's lines for it, if there were any
 * @param dependencies the headers the compiler read, each with the SHA-256 of its contents
 * @param warnings the compiler's warnings about it, one diagnostic each, shown again when it
 *     comes from the cache
 */
public record CachedStencil(StencilGroup stencil, List<String> disassembly,
    Map<String, String> dependencies, List<String> warnings) {

  /**
   * Copies the lists and map, so that a stored entry cannot change.
   *
   * @param stencil the stencil
   * @param disassembly llvm-objdump's lines for it
   * @param dependencies the headers the compiler read, with their digests
   * @param warnings the compiler's warnings about it
   */
  public CachedStencil {
    disassembly = List.copyOf(disassembly);
    dependencies = Map.copyOf(dependencies);
    warnings = List.copyOf(warnings);
  }
}

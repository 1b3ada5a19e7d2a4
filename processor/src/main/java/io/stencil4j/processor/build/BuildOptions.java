package io.stencil4j.processor.build;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a library is built, whichever entry point asked; each option as the user spelled it
 * ({@code -Astencil.cache} or {@code --cache}), for messages.
 *
 * @param keptObjects where to keep the object files, if anywhere
 * @param isolated whether each case is compiled alone rather than in batches
 * @param cacheOption how the user spells the cache option
 * @param cache the cache option's value: a directory or "none" (empty: the user's cache)
 * @param snapshots where the snapshots are written, or read without a compiler, if anywhere
 * @param version Stencil4j's version, part of every digest
 */
public record BuildOptions(Optional<Directory> keptObjects, boolean isolated, String cacheOption,
    Optional<String> cache, Optional<Directory> snapshots, String version) {

  /**
   * A directory an option names, and the option as the user spelled it.
   *
   * @param option the option as the user spelled it, for messages
   * @param path the directory
   */
  public record Directory(String option, Path path) {}
}

package io.stencil4j.processor.cache;

import io.stencil4j.processor.diagnostic.StencilException;
import java.io.IOException;
import java.nio.file.AccessMode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory an option names for Stencil4j's files (the cache, the kept objects, the
 * snapshots), checked before a build: what is in its way is an error naming the option, rather
 * than a failure halfway through the build that names neither the option nor the cause.
 */
public final class OptionDirectory {
  private OptionDirectory() {}

  /**
   * Checks that {@code directory}, which {@code option} (as the user spells it, e.g.
   * {@code -Astencil.objects} or {@code --snapshot}) names, is a directory or can be created,
   * and, if {@code writing}, that it can be written.
   *
   * @param option the option as the user spells it
   * @param directory the directory it names
   * @param writing whether it will be written
   * @throws StencilException if it is not usable, naming the option and why
   */
  public static void check(String option, Path directory, boolean writing)
      throws StencilException {
    Path path = directory.toAbsolutePath();
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    String names = option + " names " + directory + ", which ";
    if (!Files.isDirectory(existing)) {
      boolean file = Files.isRegularFile(existing);
      throw StencilException.onAnnotation(names + (existing.equals(path)
          ? (file ? "is a file, not a directory" : "is not a directory")
          : "cannot be a directory: " + existing + (file ? " is a file" : " is not a directory")));
    }
    if (writing) {
      try {
        existing.getFileSystem().provider().checkAccess(existing, AccessMode.WRITE);
      } catch (IOException e) {
        throw StencilException.onAnnotation(names + "cannot be written ("
            + IoProblems.cause(e) + (existing.equals(path) ? "" : " in " + existing) + ")");
      }
    }
  }
}

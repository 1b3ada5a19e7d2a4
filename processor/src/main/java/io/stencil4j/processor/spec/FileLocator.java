package io.stencil4j.processor.spec;

import io.stencil4j.processor.StencilException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the C files and include directories a library names, trying a list of places in order;
 * a name it cannot find is one error listing every place tried and what was there.
 */
public abstract class FileLocator {
  /** A locator that resolves relative names against {@code directory}, as a shell does. */
  public static FileLocator in(Path directory) {
    return new FileLocator() {
      @Override
      protected List<Object> candidates(String name) {
        return List.of(directory.resolve(name));
      }
    };
  }

  /** The regular file {@code name}, given as the value {@code member}. */
  public final Path file(String member, String name) throws StencilException {
    return locate(member, name, false);
  }

  /** The directory {@code name}, given as the value {@code member}. */
  public final Path directory(String member, String name) throws StencilException {
    return locate(member, name, true);
  }

  /** The places to look for {@code name}, in order: a path, or why a place has none (a string). */
  protected abstract List<Object> candidates(String name);

  private Path locate(String member, String name, boolean directory) throws StencilException {
    String what = directory ? "directory" : "file";
    if (name.isBlank()) {
      throw StencilException.at(member, member + " must name a " + what);
    }
    List<Object> candidates;
    try {
      candidates = candidates(name);
    } catch (InvalidPathException e) {
      throw StencilException.at(member, member + " \"" + name + "\" is not a valid path: "
          + e.getReason());
    }
    List<String> tried = new ArrayList<>();
    for (Object candidate : candidates) {
      if (candidate instanceof Path path
          && (directory ? Files.isDirectory(path) : Files.isRegularFile(path))) {
        return path.toAbsolutePath().normalize();
      }
      tried.add(candidate instanceof Path path ? path + " (" + found(path) + ")"
          : candidate.toString());
    }
    throw StencilException.at(member,
        "cannot find " + member + " " + what + " \"" + name + "\"; tried " + tried);
  }

  /** What is at {@code path} that is not what was asked for. */
  private static String found(Path path) {
    if (Files.isDirectory(path)) {
      return "a directory";
    }
    return Files.exists(path) ? (Files.isRegularFile(path) ? "a file" : "not a regular file")
        : "missing";
  }
}

package io.stencil4j.processor.spec;

import io.stencil4j.processor.diagnostic.StencilException;
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
  /** A locator whose places to look {@link #candidates} gives. */
  protected FileLocator() {}

  /**
   * {@return a locator that resolves relative names against {@code directory}, as a shell does}
   *
   * @param directory the directory, usually the working directory
   */
  public static FileLocator in(Path directory) {
    return new FileLocator() {
      @Override
      protected List<Object> candidates(String name) {
        return List.of(directory.resolve(name));
      }
    };
  }

  /**
   * {@return the regular file {@code name}, given as the value {@code member}}
   *
   * @param member the annotation member, for the error
   * @param name the name as given
   * @throws StencilException if no place has it, listing each place tried
   */
  public final Path file(String member, String name) throws StencilException {
    return locate(member, -1, name, false);
  }

  /**
   * {@return the directory {@code name}, given as entry {@code index} of the value {@code member}}
   *
   * @param member the annotation member, for the error
   * @param index the entry of the member's array
   * @param name the name as given
   * @throws StencilException if no place has it, listing each place tried
   */
  public final Path directory(String member, int index, String name) throws StencilException {
    return locate(member, index, name, true);
  }

  /**
   * {@return the places to look for {@code name}, in order: a path, or why a place has none (a
   * string)}
   *
   * @param name the name as given
   */
  protected abstract List<Object> candidates(String name);

  private Path locate(String member, int index, String name, boolean directory)
      throws StencilException {
    String what = directory ? "directory" : "file";
    if (name.isBlank()) {
      throw StencilException.at(member, index, member + " must name a " + what);
    }
    List<Object> candidates;
    try {
      candidates = candidates(name);
    } catch (InvalidPathException e) {
      throw StencilException.at(member, index, member + " \"" + name + "\" is not a valid path: "
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
    throw StencilException.at(member, index,
        "cannot find " + member + " " + what + " \"" + name + "\"; tried " + tried);
  }

  /** What is at {@code path}, which is not what was looked for. */
  private static String found(Path path) {
    if (Files.isDirectory(path)) {
      return "a directory";
    }
    if (Files.isRegularFile(path)) {
      return "a file";
    }
    if (Files.isSymbolicLink(path)) {
      return "a link to nothing";
    }
    return Files.exists(path) ? "not a regular file" : "missing";
  }
}

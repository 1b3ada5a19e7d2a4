package io.stencil4j.processor.cache;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a snapshot names the headers a stencil read, so that it fits every checkout and machine:
 * relative to the template's directory ({@code calc.h}), to an include directory ({@code
 * <include 0>/zlib.h}) or to a directory of the compiler's own headers ({@code
 * <compiler 0>/stdint.h}), else by its absolute path. A build without the compiler checks every
 * header by its contents but the compiler's, which belong to the compiler the snapshot names.
 */
public final class SnapshotHeaders {
  private static final Pattern PLACED = Pattern.compile("<(include|compiler) (\\d+)>/(.*)");

  private final Path templateDirectory;
  private final List<Path> includes;

  /**
   * The names for a library whose template is in {@code templateDirectory}.
   *
   * @param templateDirectory the template's directory, named {@code <template directory>}
   * @param includes the library's include directories, named {@code <include N>} by position
   */
  public SnapshotHeaders(Path templateDirectory, List<Path> includes) {
    this.templateDirectory = templateDirectory;
    this.includes = List.copyOf(includes);
  }

  /**
   * {@return the name of {@code header} (an absolute path, or a name given before, which stays),
   * {@code compilerDirectories} being the compiler's own header directories}
   *
   * @param header the header as the compiler read it
   * @param compilerDirectories the compiler's own header directories, named {@code <compiler N>}
   */
  public String name(Path header, List<Path> compilerDirectories) {
    if (!header.isAbsolute()) {
      return header.toString();
    }
    Path path = header.normalize();
    if (path.startsWith(templateDirectory)) {
      return templateDirectory.relativize(path).toString();
    }
    Optional<String> placed = placed("include", path, includes)
        .or(() -> placed("compiler", path, compilerDirectories));
    return placed.orElse(path.toString());
  }

  private static Optional<String> placed(String kind, Path path, List<Path> directories) {
    for (int i = 0; i < directories.size(); i++) {
      if (path.startsWith(directories.get(i))) {
        return Optional.of("<" + kind + " " + i + ">/"
            + directories.get(i).relativize(path).toString().replace('\\', '/'));
      }
    }
    return Optional.empty();
  }

  /**
   * {@return the file a recorded header {@code name} is now, to check its contents; empty for the
   * compiler's own headers, which are not checked}
   *
   * @param name a name {@link #name} gave
   */
  public Optional<Path> file(String name) {
    Matcher matcher = PLACED.matcher(name);
    if (!matcher.matches()) {
      return Optional.of(templateDirectory.resolve(name));
    }
    int index = Integer.parseInt(matcher.group(2));
    if (matcher.group(1).equals("compiler")) {
      return Optional.empty();
    }
    // an include directory that is gone is a change of the flags, which the snapshot reports
    return index < includes.size() ? Optional.of(includes.get(index).resolve(matcher.group(3)))
        : Optional.of(templateDirectory.resolve(name));
  }
}

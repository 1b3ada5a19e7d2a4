package io.stencil4j.processor.compile;

import io.stencil4j.model.Triple;
import io.stencil4j.processor.diagnostic.StencilException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directories of the headers that come with a compiler for a triple (its own, such as clang's
 * resource directory, and the system's), as the compiler itself lists them: such headers are
 * part of the compiler, whose version every build records, while every other header a stencil
 * reads is the user's and must be checked by its contents.
 */
public final class SystemIncludes {
  private static final String START = "#include <...> search starts here:";
  private static final String END = "End of search list.";
  /** One question per compiler and triple in this JVM: the answer changes with the compiler. */
  private static final Map<List<Object>, List<Path>> KNOWN = new ConcurrentHashMap<>();

  private SystemIncludes() {}

  /**
   * {@return the directories {@code toolchain} searches for {@code <...>} headers on {@code
   * triple}}
   *
   * @param toolchain the compiler, asked once per triple
   * @param triple the triple
   * @throws StencilException if the compiler cannot be run or does not list them
   */
  public static List<Path> of(Toolchain toolchain, Triple triple) throws StencilException {
    List<Object> key = List.of(toolchain, triple);
    List<Path> known = KNOWN.get(key);
    if (known != null) {
      return known;
    }
    List<String> command = new ArrayList<>(toolchain.command(triple));
    // preprocess an empty input (standard input, closed) verbosely: the search list goes to stderr
    command.addAll(List.of("-E", "-v", "-x", "c", "-"));
    ProcessRunner.Result result;
    try {
      result = toolchain.run(command, ProcessRunner.DIAGNOSTIC_LIMIT);
    } catch (IOException e) {
      throw StencilException.onAnnotation("cannot ask " + toolchain.compiler()
          + " for its include directories: " + e.getMessage());
    }
    if (result.timedOut()) {
      throw StencilException.onAnnotation(toolchain.compiler() + " -E -v for " + triple.triple()
          + " " + ProcessRunner.didNotFinish(toolchain.timeout()));
    }
    String output = result.output();
    List<Path> directories = parse(output);
    if (directories.isEmpty()) {
      throw StencilException.onAnnotation(toolchain.compiler() + " -E -v listed no include "
          + "directories for " + triple.triple() + " (no \"" + START + "\" ... \"" + END
          + "\" in its output):\n" + output.strip());
    }
    KNOWN.put(key, directories);
    return directories;
  }

  /** The directories between the markers of {@code -v}'s search list, normalized. */
  private static List<Path> parse(String output) {
    List<Path> directories = new ArrayList<>();
    boolean inList = false;
    for (String line : output.lines().toList()) {
      if (line.equals(START)) {
        inList = true;
      } else if (line.equals(END)) {
        break;
      } else if (inList) {
        directories.add(Path.of(line.strip().replace(" (framework directory)", "")).normalize());
      }
    }
    return List.copyOf(directories);
  }
}

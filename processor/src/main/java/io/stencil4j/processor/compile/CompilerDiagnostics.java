package io.stencil4j.processor.compile;

import io.stencil4j.processor.spec.SourceSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a compiler printed, cut into its diagnostics: each with the context before it ("In file
 * included from", gcc's "In function"), its source lines and its notes; without the summary
 * ("2 warnings generated.").
 */
public final class CompilerDiagnostics {
  private static final Pattern SUMMARY =
      Pattern.compile("\\d+ (warnings?|errors?)( and \\d+ (warnings?|errors?))? generated\\.");
  private static final Pattern CONTEXT =
      Pattern.compile("In file included from .*|.*: (In function .*|At top level):");
  private static final Pattern LOCATION =
      Pattern.compile("(?:In file included from )?(\\S.*?):(\\d+):(?:\\d+:)?( .*)?");

  /**
   * Where a diagnostic is: the file as the compiler names it, and the 1-based line.
   *
   * @param file the file as the compiler names it
   * @param line the 1-based line
   */
  public record Location(String file, int line) {}

  private CompilerDiagnostics() {}

  /**
   * {@return the diagnostics in {@code output}, in order}
   *
   * @param output everything the compiler printed
   */
  public static List<String> split(String output) {
    List<String> diagnostics = new ArrayList<>();
    StringBuilder diagnostic = new StringBuilder();
    boolean contextOnly = false;
    for (String line : output.lines().toList()) {
      if (SUMMARY.matcher(line).matches()) {
        continue;
      }
      boolean indented = line.isEmpty() || Character.isWhitespace(line.charAt(0));
      boolean continues = indented || contextOnly || line.contains(": note: ");
      if (!continues && diagnostic.length() > 0) {
        diagnostics.add(diagnostic.toString());
        diagnostic.setLength(0);
      }
      boolean context = CONTEXT.matcher(line).matches();
      contextOnly = context ? contextOnly || diagnostic.length() == 0 : contextOnly && indented;
      diagnostic.append(line).append('\n');
    }
    if (diagnostic.length() > 0) {
      diagnostics.add(diagnostic.toString());
    }
    return diagnostics;
  }

  /**
   * {@return the first place {@code diagnostic} names (where the file it is in was included, if
   * so)}
   *
   * @param diagnostic one diagnostic from {@link #split}
   */
  public static Optional<Location> location(String diagnostic) {
    for (String line : diagnostic.lines().toList()) {
      Matcher matcher = LOCATION.matcher(line);
      if (matcher.matches()) {
        return Optional.of(new Location(matcher.group(1), Integer.parseInt(matcher.group(2))));
      }
    }
    return Optional.empty();
  }

  /**
   * {@return of the {@code diagnostics} of a compile, those about the stencil {@code name}: the
   * ones in its case, and the ones outside every case (in the template or a header), which belong
   * to every stencil compiled with them; each once}
   *
   * @param name the stencil
   * @param diagnostics the compile's diagnostics, from {@link #split}
   * @param sources the library's files, to tell which case a line is in
   */
  public static List<String> about(String name, List<String> diagnostics, SourceSet sources) {
    return diagnostics.stream().filter(d -> location(d)
        .map(at -> sources.casesAt(at.file(), at.line()))
        .map(names -> names.isEmpty() || names.contains(name)).orElse(true))
        .distinct().toList();
  }
}

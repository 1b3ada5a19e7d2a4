package io.stencil4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.JavaFileObjects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the bad-input catalogue through javac: each entry is built into a directory that holds a
 * good build's output, and must fail with exactly its one error, at its place, with its text,
 * without a stack trace, leaving none of the interface's generated files.
 */
class BadInputCatalogueTest {
  private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at [\\w.$]+\\(");

  @TempDir static Path shared;
  /** Where the C files are: one directory for every entry, so the cache serves unchanged code. */
  private static Path root;
  private static Path cache;
  /** A good build's output, copied to each entry's output before its build. */
  private static Path good;

  @BeforeAll
  static void buildOnce() throws IOException {
    root = Files.createDirectories(shared.resolve("root"));
    cache = shared.resolve("cache");
    good = shared.resolve("good");
    writeFiles(Map.of());
    JavaSource source = JavaSource.of(BadInput.Library.CALC, BadInput.BODY);
    List<Diagnostic<? extends JavaFileObject>> errors = errors(compile(source, options(Map.of()), good));
    assertWithMessage("errors of the good build").that(errors).isEmpty();
    assertThat(generated(good)).containsExactly("demo/CalcStencils.java",
        "demo/CalcStencils.stencil-inputs", "demo/calc-x86_64-unknown-linux-gnu.h",
        "demo/calc.h");
    assertThat(entryClasses(good)).isNotEmpty();
  }

  static List<BadInput> catalogue() {
    return BadInputCatalogue.ENTRIES;
  }

  @Test
  void catalogueIsLargeAndItsNamesUnique() {
    List<String> names = catalogue().stream().map(BadInput::name).toList();
    assertThat(names.size()).isAtLeast(100);
    assertThat(names).containsNoDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void failsWithOneClearError(BadInput input) throws IOException {
    Path output = Files.createTempDirectory(shared, "output-");
    copy(good, output);
    writeFiles(input.files());
    JavaSource source = JavaSource.of(input.library(), input.body());
    List<Diagnostic<? extends JavaFileObject>> diagnostics =
        compile(source, options(input.options()), output);
    String all = diagnostics.stream().map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
    assertWithMessage("an internal error or stack trace in\n%s", all)
        .that(all.contains("internal error") || STACK_FRAME.matcher(all).find()).isFalse();
    List<Diagnostic<? extends JavaFileObject>> errors = errors(diagnostics);
    assertWithMessage("errors in\n%s", all).that(errors).hasSize(1);
    Diagnostic<? extends JavaFileObject> error = errors.get(0);
    // javac indents a message's lines after the first
    assertWithMessage("message").that(error.getMessage(Locale.ROOT))
        .isEqualTo(input.message().replace("{root}", root.toString()).replace("\n", "\n  "));
    int[] at = source.position(input.where());
    assertWithMessage("line and column of the error")
        .that(List.of(error.getLineNumber(), error.getColumnNumber()))
        .containsExactly((long) at[0], (long) at[1]).inOrder();
    assertWithMessage("generated files left").that(generated(output)).isEmpty();
    assertWithMessage("entry classes left").that(entryClasses(output)).isEmpty();
  }

  /**
   * The library-level entries the command line can express: all but an empty list of triples
   * (without --triple it builds for the default triple).
   */
  static List<BadInput> libraryEntries() {
    return catalogue().stream().filter(input -> input.scope() == BadInput.Scope.LIBRARY)
        .filter(input -> !List.of().equals(input.library().triples())).toList();
  }

  @Test
  void mostEntriesAreForTheCommandLineToo() {
    assertThat(libraryEntries().size()).isAtLeast(100);
  }

  /**
   * The command line must reject what the processor rejects of a library: each library-level
   * entry, given as options, is one error that leaves no header of an earlier build behind, or a
   * usage error (an option it does not know or that lacks its value), which touches nothing.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("libraryEntries")
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void theCommandLineRejectsItToo(BadInput input) throws IOException {
    Path output = Files.createTempDirectory(shared, "cli-");
    // the good build's headers, where the entry's would be (a bad name can have none)
    boolean sameHeader = List.of("", "calc").contains(input.library().header());
    try (Stream<Path> headers = Files.list(good.resolve("generated/demo"))) {
      for (Path header : headers.filter(h -> sameHeader && h.toString().endsWith(".h")).toList()) {
        Files.copy(header, output.resolve(header.getFileName().toString()));
      }
    }
    writeFiles(input.files());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = StencilCli.run(cliArguments(input, output), new PrintStream(out, true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), root);
    String printed = err.toString(StandardCharsets.UTF_8);
    assertWithMessage("a stack trace in\n%s", printed).that(STACK_FRAME.matcher(printed).find())
        .isFalse();
    assertWithMessage("exit status; standard error:\n%s", printed).that(exit).isAnyOf(1, 2);
    assertWithMessage("errors in\n%s", printed)
        .that(printed.lines().filter(l -> l.startsWith("stencil4j: error")).count())
        .isEqualTo(exit == 1 ? 1 : 0);
    if (exit == 1) {
      assertWithMessage("headers left").that(files(output).toList()).isEmpty();
    }
  }

  /** The command line of an entry: its library and options, its output {@code output}. */
  private static String[] cliArguments(BadInput input, Path output) {
    List<String> args = new ArrayList<>(List.of("--output", output.toString()));
    if (!input.options().containsKey("cache")) {
      args.addAll(List.of("--cache", cache.toString()));
    }
    BadInput.Library library = input.library();
    Map<String, String> single = new LinkedHashMap<>();
    single.put("template", library.template());
    single.put("cases", library.cases());
    single.put("shim", library.shim());
    single.put("helpers", library.helpers());
    single.put("header", library.header().isEmpty() ? "calc" : library.header());
    single.put("case-pattern", library.casePattern());
    single.forEach((option, value) -> {
      if (!value.isEmpty() || option.equals("template")) {
        args.addAll(List.of("--" + option, value));
      }
    });
    Map<String, List<String>> repeated = new LinkedHashMap<>();
    repeated.put("triple", library.triples());
    repeated.put("include", library.includes());
    repeated.put("define", library.defines());
    repeated.put("flag", library.flags());
    repeated.forEach((option, values) -> {
      for (String value : values == null ? List.<String>of() : values) {
        args.add("--" + option + "=" + value);
      }
    });
    input.options().forEach((name, value) -> {
      args.add("--" + name + (value == null ? "" : "=" + value.replace("{root}",
          root.toString())));
    });
    return args.toArray(String[]::new);
  }

  /** The processor options of a build: the root and the shared cache, then {@code given}. */
  private static List<String> options(Map<String, String> given) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("root", root.toString());
    options.put("cache", cache.toString());
    options.putAll(given);
    List<String> javac = new ArrayList<>();
    options.forEach((name, value) -> javac.add("-Astencil." + name
        + (value == null ? "" : "=" + value.replace("{root}", root.toString()))));
    return javac;
  }

  /** Empties the root and writes the fixture's C files, then {@code files} over them. */
  private static void writeFiles(Map<String, BadInput.Content> files) throws IOException {
    try (Stream<Path> old = Files.walk(root)) {
      for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(root)) {
          Files.delete(path);
        }
      }
    }
    Files.writeString(root.resolve("calc.c"), StencilFixture.TEMPLATE);
    Files.writeString(root.resolve("calc_cases.c"), StencilFixture.CASES);
    for (Map.Entry<String, BadInput.Content> file : files.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.deleteIfExists(path);
      BadInput.Content content = file.getValue();
      if (content instanceof BadInput.Content.Text text) {
        Files.writeString(path, text.text(), StandardCharsets.UTF_8);
      } else if (content instanceof BadInput.Content.Bytes bytes) {
        Files.write(path, bytes.bytes());
      } else if (content instanceof BadInput.Content.Directory) {
        Files.createDirectory(path);
      } else if (content instanceof BadInput.Content.Link link) {
        Files.createSymbolicLink(path, Path.of(link.target()));
      } else if (content instanceof BadInput.Content.Script script) {
        Files.writeString(path, script.text().replace("{root}", root.toString()));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  private static List<Diagnostic<? extends JavaFileObject>> compile(JavaSource source,
      List<String> options, Path output) {
    return StencilFixture.compileInto(output, options,
        JavaFileObjects.forSourceString("demo.Calc", source.text()));
  }

  private static List<Diagnostic<? extends JavaFileObject>> errors(
      List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
  }

  private static List<String> generated(Path output) {
    return files(output.resolve("generated")).map(Path::toString).sorted().toList();
  }

  /** The class files of the interface's entry class, {@code CalcStencils} and its members. */
  private static List<String> entryClasses(Path output) {
    return files(output.resolve("classes")).map(Path::toString)
        .filter(f -> f.startsWith("demo/CalcStencils")).sorted().toList();
  }

  /** The regular files under {@code directory}, relative to it. */
  private static Stream<Path> files(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).map(directory::relativize).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  /**
   * The Java source of an entry: its library as a {@code @Stencil} annotation, one member a
   * line, and its interface; knows where each value and entry is.
   */
  private record JavaSource(String text, Map<String, int[]> members,
      Map<String, List<int[]>> entries, int annotationLine, int bodyStart) {

    static JavaSource of(BadInput.Library library, String body) {
      StringBuilder text = new StringBuilder("""
          package demo;

          import io.stencil4j.Case;
          import io.stencil4j.Label;
          import io.stencil4j.Stencil;
          import io.stencil4j.Variant;

          @Stencil(
          """);
      int line = 9;
      Map<String, int[]> members = new LinkedHashMap<>();
      Map<String, List<int[]>> entries = new LinkedHashMap<>();
      List<Map.Entry<String, Object>> given = List.copyOf(library.members().entrySet());
      for (int i = 0; i < given.size(); i++) {
        String prefix = "    " + given.get(i).getKey() + " = ";
        StringBuilder value = new StringBuilder();
        List<int[]> positions = new ArrayList<>();
        if (given.get(i).getValue() instanceof List<?> list) {
          value.append('{');
          for (Object entry : list) {
            value.append(value.length() > 1 ? ", " : "");
            positions.add(new int[] {line, prefix.length() + value.length() + 1});
            value.append(literal((String) entry));
          }
          value.append('}');
        } else {
          value.append(literal((String) given.get(i).getValue()));
        }
        members.put(given.get(i).getKey(), new int[] {line, prefix.length() + 1});
        entries.put(given.get(i).getKey(), positions);
        text.append(prefix).append(value).append(i + 1 < given.size() ? ",\n" : ")\n");
        line++;
      }
      int bodyStart = text.length();
      text.append(body);
      return new JavaSource(text.toString(), members, entries, 8, bodyStart);
    }

    /** The 1-based line and column {@code where} points at. */
    int[] position(BadInput.Where where) {
      if (where instanceof BadInput.Where.Member member) {
        assertWithMessage("the annotation gives %s", member.name())
            .that(members).containsKey(member.name());
        return member.index() < 0 ? members.get(member.name())
            : entries.get(member.name()).get(member.index());
      }
      if (where instanceof BadInput.Where.Element element) {
        int index = text.indexOf(element.text(), bodyStart);
        assertWithMessage("the interface has %s", element.text()).that(index).isAtLeast(0);
        int lineStart = text.lastIndexOf('\n', index - 1);
        return new int[] {(int) text.substring(0, index).chars().filter(c -> c == '\n').count()
            + 1, index - lineStart};
      }
      return new int[] {annotationLine, 1};
    }

    /** {@code value} as a Java string literal. */
    private static String literal(String value) {
      StringBuilder literal = new StringBuilder("\"");
      for (char c : value.toCharArray()) {
        if (c == '"' || c == '\\') {
          literal.append('\\').append(c);
        } else if (c < 0x20) {
          literal.append(String.format("\\%03o", (int) c));
        } else {
          literal.append(c);
        }
      }
      return literal.append('"').toString();
    }
  }
}

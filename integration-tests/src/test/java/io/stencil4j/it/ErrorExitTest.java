package io.stencil4j.it;

import static io.stencil4j.it.ItSupport.DISPATCHER_HEADER;
import static io.stencil4j.it.ItSupport.TRIPLE_HEADER;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.stencil4j.it.ItSupport.Fixture;
import io.stencil4j.it.ItSupport.Jdk;
import io.stencil4j.it.ItSupport.Output;
import io.stencil4j.it.ItSupport.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A C syntax error in the cases file fails javac with clang's file:line:col diagnostic, and the
 * failed build removes the headers an earlier good build wrote to the same directory.
 */
class ErrorExitTest {
  private static final Pattern CASE_OPENING =
      Pattern.compile("\\s*case\\s+(\\w+)\\s*:\\s*\\{\\s*");
  /** A declaration without its initialiser: clang reports "expected expression" at the ';'. */
  private static final String BROKEN_LINE = "        long broken = ;";

  /** Where the syntax error is: the case, and clang's 1-based line and column. */
  private record Breakage(String caseName, int line, int column) {}

  @Test
  void syntaxErrorInTheCasesFailsJavacWithClangsFileLineAndColumn(@TempDir Path dir)
      throws IOException {
    Fixture example = ItSupport.copyStackVm(dir.resolve("src"));
    Breakage breakage = breakFirstCase(example);

    Result javac = ItSupport.javac(Jdk.BUILD, example, Output.in(dir.resolve("out")));
    assertNotEquals(0, javac.exitCode(), javac::describe);
    String position = example.cases().toAbsolutePath().normalize() + ":" + breakage.line() + ":"
        + breakage.column() + ": error:";
    assertTrue(javac.stderr().contains(position),
        "javac's errors lack clang's \"" + position + "\"\n" + javac.describe());
    assertTrue(javac.stderr().contains("StackVm.java:"),
        "the error is not reported on the @Stencil interface\n" + javac.describe());
    assertTrue(javac.stderr().contains("case " + breakage.caseName()
        + " for x86_64-unknown-linux-gnu"),
        "the error does not name the case and the triple\n" + javac.describe());
  }

  @Test
  void failedBuildRemovesTheHeadersOfTheLastGoodBuild(@TempDir Path dir) throws IOException {
    Fixture example = ItSupport.copyStackVm(dir.resolve("src"));
    Output output = Output.in(dir.resolve("out"));
    ItSupport.javac(Jdk.BUILD, example, output).assertSuccess();
    for (String header : List.of(DISPATCHER_HEADER, TRIPLE_HEADER)) {
      assertTrue(Files.isRegularFile(output.generated(header)), header + " was not generated");
    }

    breakFirstCase(example);
    Result javac = ItSupport.javac(Jdk.BUILD, example, output);
    assertNotEquals(0, javac.exitCode(), javac::describe);
    for (String header : List.of(DISPATCHER_HEADER, TRIPLE_HEADER)) {
      assertFalse(Files.exists(output.generated(header)), "the failed build left the stale "
          + output.generated(header) + " of the good build before it\n" + javac.describe());
    }
  }

  /** Puts {@link #BROKEN_LINE} first in the first case of the cases file. */
  private static Breakage breakFirstCase(Fixture example) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(example.cases(),
        StandardCharsets.UTF_8));
    for (int i = 0; i < lines.size(); i++) {
      Matcher opening = CASE_OPENING.matcher(lines.get(i));
      if (opening.matches()) {
        lines.add(i + 1, BROKEN_LINE);
        Files.write(example.cases(), lines, StandardCharsets.UTF_8);
        return new Breakage(opening.group(1), i + 2, BROKEN_LINE.indexOf(';') + 1);
      }
    }
    return fail("no line \"case NAME: {\" in " + example.cases());
  }
}

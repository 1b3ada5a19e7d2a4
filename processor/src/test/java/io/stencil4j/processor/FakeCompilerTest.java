package io.stencil4j.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compilers that misbehave (hang, crash, print without end, write garbage or nothing): each is
 * one javac error naming the case and triple, within the timeout, and leaves none of the files
 * an earlier good build generated.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FakeCompilerTest {
  /** Answers --version as clang 19 would; compiles by running the body given. */
  private static final String PROLOGUE = """
      #!/bin/sh
      if [ "$1" = --version ]; then echo 'clang version 19.1.7'; exit 0; fi
      while [ $# -gt 0 ]; do
        case "$1" in -o) object=$2;; -MF) rule=$2;; esac
        source=$1
        shift
      done
      """;
  private static final String TIMEOUT = "-Astencil.timeout=2";
  private static final String DID_NOT_FINISH = " did not finish in 2 seconds (stopped with the "
      + "processes it started; -Astencil.timeout=SECONDS, or --timeout on the command line, "
      + "allows more)";
  private static final String BATCH =
      "cases ADD ... NEGATE (a batch of 2) for x86_64-unknown-linux-gnu";

  @TempDir Path root;
  @TempDir Path output;
  private StencilFixture fixture;

  @BeforeEach
  void buildOnceWithClang() {
    fixture = new StencilFixture(root).option("-Astencil.cache=none").builtInto(output);
  }

  private Path fakeClang(String script) throws IOException {
    Path fake = root.resolve("fake-clang");
    Files.writeString(fake, script, StandardCharsets.UTF_8);
    assertThat(fake.toFile().setExecutable(true)).isTrue();
    fixture.option("-Astencil.clang=" + fake).option(TIMEOUT);
    return fake;
  }

  @Test
  void aCompilerThatHangsIsStoppedWithItsChildren() throws Exception {
    Path pid = root.resolve("child.pid");
    fakeClang(PROLOGUE + "sleep 1000 &\necho $! > " + pid + "\nwait\n");
    long start = System.nanoTime();
    fixture.assertFailsLeavingNothing(output, "\"calc_cases.c\"",
        "clang failed on " + BATCH + ":\nfake-clang" + DID_NOT_FINISH);
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
    long child = Long.parseLong(Files.readString(pid).strip());
    // killed: gone once the system has reaped it (a TimeoutException if it still runs)
    ProcessHandle.of(child).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
  }

  @Test
  void aVersionThatHangsIsStopped() throws IOException {
    Path fake = fakeClang("#!/bin/sh\nsleep 1000\n");
    fixture.assertFailsLeavingNothing(output, "@Stencil", fake + " --version" + DID_NOT_FINISH);
  }

  @Test
  void fiftyMegabytesOfOutputAreCutTo64KiB() throws IOException {
    fakeClang(PROLOGUE + "head -c 52428800 /dev/zero | tr '\\0' x\nexit 1\n");
    fixture.assertFailsLeavingNothing(output, "\"calc_cases.c\"", "clang failed on case ADD for "
        + "x86_64-unknown-linux-gnu:\n" + "x".repeat(65536) + "\n[52363264 more bytes of output "
        + "cut]\n(1 more compile(s) failed too)");
  }

  @Test
  void aCompilerThatCrashes() throws IOException {
    fakeClang(PROLOGUE + "kill -SEGV $$\n");
    fixture.assertFailsLeavingNothing(output, "\"calc_cases.c\"", "clang failed on case ADD for "
        + "x86_64-unknown-linux-gnu:\nfake-clang exited with status 139 and printed nothing\n"
        + "(1 more compile(s) failed too)");
  }

  @Test
  void aCompilerThatWritesGarbage() throws IOException {
    fakeClang(PROLOGUE + "echo garbage > \"$object\"\necho \"$object: $source\" > \"$rule\"\n");
    fixture.assertFailsLeavingNothing(output, "\"calc_cases.c\"", "case ADD for "
        + "x86_64-unknown-linux-gnu: not an ELF, Mach-O or COFF object file");
  }

  @Test
  void aCompilerThatWritesNoObject() throws IOException {
    fakeClang(PROLOGUE + "echo \"$object: $source\" > \"$rule\"\n");
    fixture.assertFailsLeavingNothing(output, "\"calc_cases.c\"", "clang failed on case ADD for "
        + "x86_64-unknown-linux-gnu:\nfake-clang exited with status 0 but wrote no object file\n"
        + "(1 more compile(s) failed too)");
  }

  @Test
  void aCompilerThatWritesNoDependencies() throws IOException {
    fakeClang(PROLOGUE + "echo garbage > \"$object\"\n");
    fixture.assertFailsLeavingNothing(output, "\"calc_cases.c\"", "clang failed on case ADD for "
        + "x86_64-unknown-linux-gnu:\nfake-clang exited with status 0 but wrote no dependency "
        + "file (-MF)\n(1 more compile(s) failed too)");
  }

  @Test
  void aTimeoutThatIsNoNumber() {
    fixture.option("-Astencil.timeout=soon");
    fixture.assertFailsLeavingNothing(output, "@Stencil", "the timeout \"soon\" "
        + "(-Astencil.timeout or --timeout) is not a whole number of seconds above 0");
  }

  @Test
  void aHangingCompilerFromTheCommandLine() throws IOException {
    Path fake = fakeClang(PROLOGUE + "sleep 1000\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = StencilCli.run(new String[] {"--template", root.resolve("calc.c").toString(),
        "--cases", root.resolve("calc_cases.c").toString(), "--header", "calc", "--output",
        output.resolve("cli").toString(), "--cache", "none", "--clang", fake.toString(),
        "--timeout", "2"}, new PrintStream(OutputStream.nullOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("stencil4j: error (--cases): "
        + "clang failed on " + BATCH + ":\nfake-clang" + DID_NOT_FINISH + "\n");
  }
}

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
 * A compiler that hangs: stopped with the processes it started, from javac and from the command
 * line. The bad-input catalogue ({@link BadInputCatalogue}) has the other compilers that
 * misbehave.
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

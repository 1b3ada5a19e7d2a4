package io.stencil4j.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stencil4j.it.ItSupport.Fixture;
import io.stencil4j.it.ItSupport.Jdk;
import io.stencil4j.it.ItSupport.Output;
import io.stencil4j.it.ItSupport.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack VM builds with no compiler on the PATH from the snapshot a build with clang wrote,
 * and a changed case makes that build fail, naming the case.
 */
class SnapshotBuildTest {

  @Test
  void buildsWithoutClangFromItsSnapshot(@TempDir Path dir) throws Exception {
    Fixture fixture = ItSupport.copyStackVm(dir.resolve("project"));
    Path snapshots = dir.resolve("project/stencils");
    Output withClang = Output.in(dir.resolve("with-clang"));
    ItSupport.javac(Jdk.BUILD, fixture, withClang, "-Astencil.snapshot=" + snapshots,
        "-Astencil.cache=none").assertSuccess();

    // nothing on the PATH: javac is run by its absolute path and needs nothing else
    Map<String, String> noTools = Map.of("PATH", dir.resolve("empty").toString());
    Output withoutClang = Output.in(dir.resolve("without-clang"));
    Result build = ItSupport.javac(Jdk.BUILD, fixture, withoutClang, noTools,
        "-Astencil.snapshot=" + snapshots, "-Astencil.cache=none").assertSuccess();
    assertTrue(build.stderr().contains("91 from snapshots"), build::describe);
    for (String name : ItSupport.GENERATED) {
      assertArrayEquals(Files.readAllBytes(withClang.generated(name)),
          Files.readAllBytes(withoutClang.generated(name)), name + " differs");
    }

    Files.writeString(fixture.cases(),
        Files.readString(fixture.cases()).replace("*sp++ = VALUE;", "*sp++ = VALUE + 1;"));
    Result changed = ItSupport.javac(Jdk.BUILD, fixture, Output.in(dir.resolve("changed")),
        noTools, "-Astencil.snapshot=" + snapshots, "-Astencil.cache=none");
    assertNotEquals(0, changed.exitCode(), changed::describe);
    assertTrue(changed.stderr().contains("does not match the sources: case PUSH_CONST changed."),
        changed::describe);
  }
}

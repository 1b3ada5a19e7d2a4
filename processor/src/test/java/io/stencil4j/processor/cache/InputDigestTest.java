package io.stencil4j.processor.cache;

import static com.google.common.truth.Truth.assertThat;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.Triple;
import io.stencil4j.processor.spec.CaseSplitter;
import io.stencil4j.processor.spec.LibrarySpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cache keys: what changes them, and what must not (where the project lives). */
class InputDigestTest {
  private static final Triple TRIPLE = Triple.X86_64_UNKNOWN_LINUX_GNU;

  private static InputDigest digest(Path project, String version) throws Exception {
    LibrarySpec spec = new LibrarySpec(project.resolve("calc.c"),
        Optional.of(project.resolve("calc_cases.c")), Optional.empty(), Optional.empty(),
        List.of(TRIPLE),
        List.of(project.resolve("include")), List.of(), List.of(), "calc", CaseSplitter.of(""));
    return new InputDigest(spec, version, Map.of("ADD", unit(project)));
  }

  private static String unit(Path project) {
    return "#line 1 \"" + project.resolve("calc.c") + "\"\nint x;\n";
  }

  private static List<String> flags(Path project) {
    return List.of("-O3", "-iquote", project.toString(), "-I" + project.resolve("include"));
  }

  private static String key(Path project, String version) throws Exception {
    return digest(project, version).stencil("clang 19.1.7", TRIPLE, flags(project),
        unit(project), "ADD");
  }

  @Test
  void anotherStencil4jVersionChangesTheKey() throws Exception {
    Path project = Path.of("/work/calc");
    assertThat(key(project, "0.2.0 1a2b3c")).isNotEqualTo(key(project, "0.1.0 1a2b3c"));
    assertThat(key(project, "0.1.0 4d5e6f")).isNotEqualTo(key(project, "0.1.0 1a2b3c"));
  }

  @Test
  void theSameProjectElsewhereHasTheSameKey() throws Exception {
    assertThat(key(Path.of("/home/a/calc"), "0.1.0 1a2b3c"))
        .isEqualTo(key(Path.of("/srv/ci/build-17/calc"), "0.1.0 1a2b3c"));
  }

  @Test
  void headersAndWarningsAreStoredByRoleAndReadBackForTheCheckoutThatTakesThem()
      throws Exception {
    Path here = Path.of("/home/a/calc");
    Path there = Path.of("/srv/ci/calc");
    CachedStencil built = new CachedStencil(
        new StencilGroup("ADD", new byte[0], new byte[0], List.of(), List.of()),
        List.of(), Map.of(here.resolve("include/scale.h").toString(), "d1",
            "/usr/lib/llvm-19/lib/clang/19/include/stdint.h", "d2"),
        List.of(here.resolve("calc_cases.c") + ":6:2: warning: check"));
    CachedStencil stored = digest(here, "v").portable(built);
    assertThat(stored.dependencies()).containsExactly("<include 0>/scale.h", "d1",
        "/usr/lib/llvm-19/lib/clang/19/include/stdint.h", "d2");
    CachedStencil taken = digest(there, "v").local(stored);
    assertThat(taken.dependencies()).containsExactly(there.resolve("include/scale.h").toString(),
        "d1", "/usr/lib/llvm-19/lib/clang/19/include/stdint.h", "d2");
    assertThat(taken.warnings())
        .containsExactly(there.resolve("calc_cases.c") + ":6:2: warning: check");
  }
}

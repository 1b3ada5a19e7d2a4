package io.stencil4j.processor.stencil;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.Triple;
import io.stencil4j.processor.object.LlvmTools;
import io.stencil4j.processor.object.ObjectFile;
import io.stencil4j.processor.object.ObjectFiles;
import io.stencil4j.processor.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects with tens of thousands of sections, functions and relocations (a few MB, as clang
 * writes them) become a stencil in well under the object fuzzer's 2 s per input: the stencil
 * builder finds atoms, sections and relocations without scanning all of them for each one.
 */
class LargeObjectsTest {
  private static final Duration LIMIT = Duration.ofSeconds(5);

  @Test
  void fortyThousandDataSectionsInElf(@TempDir Path directory) throws Exception {
    int count = 40_000;
    StringBuilder assembly = new StringBuilder(".text\n.globl _JIT_ENTRY\n_JIT_ENTRY:\n");
    for (int i = 0; i < count; i++) {
      assembly.append("  movabsq $d").append(i).append(", %rax\n");
    }
    assembly.append("  ret\n");
    for (int i = 0; i < count; i++) {
      assembly.append(".section .data.d").append(i).append(",\"aw\"\nd").append(i)
          .append(": .quad ").append(i).append('\n');
    }

    StencilGroup stencil = build(directory, assembly, Triple.X86_64_UNKNOWN_LINUX_GNU);

    assertThat(stencil.dataSize()).isEqualTo(count * 8); // .quad each, 1-byte aligned sections
    assertThat(stencil.dataHoles()).isEmpty();
    assertThat(stencil.codeHoles()).hasSize(count);
  }

  @Test
  void twentyThousandFunctionsInOneMachOSection(@TempDir Path directory) throws Exception {
    int count = 20_000;
    StringBuilder assembly = new StringBuilder(".text\n.globl __JIT_ENTRY\n__JIT_ENTRY:\n");
    for (int i = 0; i < count; i++) {
      assembly.append("  movabsq $_d").append(i).append(", %rax\n  call _f").append(i)
          .append('\n');
    }
    assembly.append("  ret\n");
    for (int i = 0; i < count; i++) {
      assembly.append("_f").append(i).append(":\n  movabsq $_d").append(i)
          .append(", %rax\n  ret\n");
    }
    assembly.append(".data\n");
    for (int i = 0; i < count; i++) {
      assembly.append("_d").append(i).append(": .quad ").append(i).append('\n');
    }

    StencilGroup stencil = build(directory, assembly, Triple.X86_64_APPLE_DARWIN);

    assertThat(stencil.codeHoles()).hasSize(3 * count);
  }

  private static StencilGroup build(Path directory, CharSequence assembly, Triple triple)
      throws Exception {
    Path source = Files.writeString(directory.resolve("large.s"), assembly);
    byte[] bytes = Files.readAllBytes(LlvmTools.compile(source, triple.triple(), List.of("-c"),
        directory, "large"));
    return assertTimeoutPreemptively(LIMIT, () -> {
      ObjectFile object = ObjectFiles.read(bytes);
      return StencilBuilder.build("LARGE", object, Target.of(triple));
    });
  }
}

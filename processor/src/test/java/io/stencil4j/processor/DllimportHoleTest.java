package io.stencil4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.stencil4j.processor.output.CTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dllimport hole on i686 is loaded from a 4-byte pointer slot in the stencil's data: its value
 * must fit in 32 bits, or the emitter refuses it (rather than the code reading the low half).
 */
class DllimportHoleTest {
  @TempDir Path root;
  @TempDir Path run;

  @Test
  void aValueBeyond32BitsIsRefusedOnI686() throws IOException {
    Compilation compilation = new StencilFixture(root).option("-Astencil.cache=none")
        .file("value.c", """
            #include <stdint.h>
            extern __declspec(dllimport) char _JIT_VALUE[];
            uint32_t _JIT_ENTRY(void) {
              return (uint32_t)(uintptr_t)_JIT_VALUE;
            }
            """)
        .source("""
            package demo;

            import io.stencil4j.Stencil;

            @Stencil(template = "value.c", triples = "i686-pc-windows-msvc", header = "calc")
            public interface Calc {
              void value(long value);
            }
            """)
        .compile();
    assertThat(compilation).succeeded();
    String name = "calc-i686-pc-windows-msvc.h";
    Files.writeString(run.resolve(name), compilation.generatedFile(
        StandardLocation.SOURCE_OUTPUT, "demo", name).orElseThrow().getCharContent(true));
    CTools.resource(run, "dllimport_range.c");
    CTools.succeed(run, CTools.command("gcc", List.of("-std=c11", "-m32", "-O2", "-Wall",
        "-Wextra", "-Werror"), "-I.", "dllimport_range.c", "-o", "range"));

    // This kernel runs no 32-bit binaries, so under qemu's user mode.
    assertThat(CTools.succeed(run, List.of("qemu-i386", "./range"))).isEqualTo("""
        0x5: emit 0, returns 0x5
        0xfffffff0: emit 0, returns 0xfffffff0
        0x100000005: emit -1
        """);
  }
}

package io.stencil4j.processor.stencil;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stencil4j.model.Triple;
import io.stencil4j.processor.spec.TemplateNames;
import io.stencil4j.processor.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Objects the object fuzzer made (stencil/fuzz/*.o, mutated seeds) on which the stencil builder
 * once threw a runtime exception or ran out of memory: each ends in the typed error that names
 * its cause. Entries are {@code _JIT_ENTRY} (a stencil alone, named A) or {@code _JIT_ENTRY_A}
 * and {@code _JIT_ENTRY_B} (a batch).
 */
class FuzzRegressionsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      huge_bss.o | x86_64-unknown-linux-gnu | _JIT_ENTRY | BadStencilException: section .lbss \
      (34359738432 bytes) makes the stencil's data larger than 1 MiB, the most a stencil may \
      have: allocate large buffers at run time
      large_bss.o | i686-pc-windows-msvc | _JIT_ENTRY | BadStencilException: section .rdata \
      (1969619303 bytes) makes the stencil's data larger than 1 MiB, the most a stencil may \
      have: allocate large buffers at run time
      sixteen_mib_bss.o | aarch64-apple-darwin | _JIT_ENTRY_A _JIT_ENTRY_B | BadStencilException: \
      section __bss (16711744 bytes) makes the stencil's data larger than 1 MiB, the most a \
      stencil may have: allocate large buffers at run time
      overlapping_data_relocations.o | x86_64-unknown-linux-gnu | _JIT_ENTRY | \
      BadStencilException: the relocations at data offsets 0x90 (R_X86_64_64) and 0x90 \
      (R_X86_64_64) patch the same bytes
      overlapping_code_relocations.o | x86_64-unknown-linux-gnu | _JIT_ENTRY_A _JIT_ENTRY_B | \
      BadStencilException: the relocations at code offsets 0xf (R_X86_64_64) and 0x14 \
      (R_X86_64_GOTPCRELX) patch the same bytes
      huge_string_width.o | x86_64-unknown-linux-gnu | _JIT_ENTRY | MalformedObjectException: \
      section 10 (.lrodata.str1.1): SHF_STRINGS section with sh_entsize 4294967297, not a \
      character size (1, 2 or 4)
      entry_in_empty_section.o | aarch64-pc-windows-msvc | _JIT_ENTRY_A _JIT_ENTRY_B | \
      BadStencilException: _JIT_ENTRY is at offset 0x0 of section .text, which has only 0 bytes
      relocation_past_code_end.o | x86_64-unknown-linux-gnu | _JIT_ENTRY | BadStencilException: \
      the relocation at code offset 0xe6 (R_X86_64_64, 8 bytes) runs past the end of the code \
      (237 bytes)
      relocation_past_truncated_code.o | aarch64-apple-darwin | _JIT_ENTRY | \
      BadStencilException: the relocation at code offset 0x8 (ARM64_RELOC_GOT_LOAD_PAGEOFF12, \
      4 bytes) runs past the end of the code (10 bytes)
      zero_fill_string_pool.o | x86_64-unknown-linux-gnu | _JIT_ENTRY | MalformedObjectException: \
      section 10 (.lrodata.str1.1): SHF_MERGE section of type SHT_NOBITS: a pool of entries \
      without contents
      """)
  void endsInTheTypedError(String file, String triple, String entries, String message)
      throws IOException {
    FuzzSeeds.Seed seed = seed(file, triple, entries);

    Exception e = assertThrows(Exception.class, () -> ObjectFuzzer.build(seed, seed.bytes()));

    assertThat(e.getClass().getSimpleName() + ": " + e.getMessage()).isEqualTo(message);
  }

  /**
   * Relocations in an entry of a mergeable pool: what the entry refers to is part of the stencil
   * (it was left out, and resolving the relocation threw "atom of l_.str was not placed").
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      relocation_in_string_pool.o | aarch64-apple-darwin | _JIT_ENTRY
      relocation_in_elf_string_pool.o | x86_64-unknown-linux-gnu | _JIT_ENTRY_A _JIT_ENTRY_B
      """)
  void buildsWhatAPoolEntryRefersTo(String file, String triple, String entries)
      throws Exception {
    FuzzSeeds.Seed seed = seed(file, triple, entries);

    ObjectFuzzer.build(seed, seed.bytes());
  }

  private FuzzSeeds.Seed seed(String file, String triple, String entries) throws IOException {
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream("/stencil/fuzz/" + file)) {
      bytes = in.readAllBytes();
    }
    List<String> entryNames = Arrays.asList(entries.split(" "));
    List<String> names = entryNames.stream()
        .map(e -> e.equals(TemplateNames.ENTRY) ? "A" : e.substring(e.length() - 1)).toList();
    return new FuzzSeeds.Seed(Target.of(Triple.of(triple).orElseThrow()), names, entryNames,
        bytes);
  }
}

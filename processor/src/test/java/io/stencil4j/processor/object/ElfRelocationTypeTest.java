package io.stencil4j.processor.object;

import static io.stencil4j.processor.object.ElfBytes.RELA_SIZE;
import static io.stencil4j.processor.object.ElfBytes.R_INFO;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The relocation type names for every type number up to 0x4ff are llvm-readobj-19's: an object
 * with one relocation per number is made by patching the types of a compiled one.
 */
class ElfRelocationTypeTest {
  private static final int TYPES = 0x500;

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {ElfReaderDifferentialTest.X86_64, ElfReaderDifferentialTest.AARCH64})
  void namesMatchReadobj(String triple) throws Exception {
    Path source = temp.resolve("quads.s");
    Files.writeString(source, "  .data\n" + "  .quad external\n".repeat(TYPES));
    ElfBytes elf = new ElfBytes(Files.readAllBytes(
        LlvmTools.compile(source, triple, List.of("-c"), temp, "quads")));
    int rela = elf.index(".rela.data");
    for (int type = 0; type < TYPES; type++) {
      elf.put32(elf.contents(rela, (long) type * RELA_SIZE + R_INFO), type);
    }
    Path patched = temp.resolve("patched.o");
    Files.write(patched, elf.bytes);

    Object json = Json.array(Json.parse(LlvmTools.readobj(patched,
        List.of("--elf-output-style=JSON", "--relocations")))).get(0);
    List<Object> readobj = Json.array(Json.at(Json.array(Json.at(json, "Relocations")).get(0),
        "Relocs"));
    List<Relocation> relocations = ElfReader.read(elf.bytes)
        .section(elf.index(".data")).relocations();
    assertEquals(TYPES, readobj.size());
    assertEquals(TYPES, relocations.size());
    for (int type = 0; type < TYPES; type++) {
      Object readobjType = Json.at(readobj.get(type), "Relocation", "Type");
      assertEquals(type, Json.number(Json.at(readobjType, "Value")));
      String expected = (String) Json.at(readobjType, "Name");
      // readobj says "Unknown"; the reader's name also carries the number. The AArch64 ILP32
      // names (R_AARCH64_P32_*) are left out on purpose: they never occur in ELF64 objects.
      if (expected.equals("Unknown") || expected.startsWith("R_AARCH64_P32_")) {
        expected = "unknown type 0x" + Integer.toHexString(type);
      }
      assertEquals(expected, relocations.get(type).typeName());
    }
  }
}

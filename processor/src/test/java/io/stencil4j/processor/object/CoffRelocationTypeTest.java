package io.stencil4j.processor.object;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The relocation type names for every type number up to 0x3f are llvm-readobj-19's: an object
 * with one relocation per number is made by patching the types of a compiled one.
 */
class CoffRelocationTypeTest {
  private static final int TYPES = 0x40;

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {CoffReaderDifferentialTest.X86_64, CoffReaderDifferentialTest.I686,
      CoffReaderDifferentialTest.AARCH64})
  void namesMatchReadobj(String triple) throws Exception {
    // 8 bytes apart, so that every type's field fits, whatever its size.
    Path source = temp.resolve("words.s");
    Files.writeString(source, "  .data\n" + "  .long external\n  .long 0\n".repeat(TYPES));
    CoffBytes coff = new CoffBytes(Files.readAllBytes(
        LlvmTools.compile(source, triple, List.of("-c"), temp, "words")));
    int data = coff.number(".data");
    for (int type = 0; type < TYPES; type++) {
      coff.put16(coff.relocation(data, type, CoffBytes.RELOCATION_TYPE), type);
    }
    Path patched = temp.resolve("patched.o");
    Files.write(patched, coff.bytes);

    Map<String, Object> json = Json.parseCoffReadobj(LlvmTools.readobj(patched,
        List.of("--elf-output-style=JSON", "--file-headers", "--sections",
            "--section-relocations", "--expand-relocs")));
    Object section = Json.at(Json.array(Json.at(json, "Sections")).get(data - 1), "Section");
    List<Object> readobj = Json.array(Json.at(section, "Relocations"));
    List<Relocation> relocations = CoffReader.read(coff.bytes).section(data).relocations();
    assertEquals(TYPES, readobj.size());
    assertEquals(TYPES, relocations.size());
    for (int type = 0; type < TYPES; type++) {
      Object readobjType = Json.at(readobj.get(type), "Relocation", "Type");
      assertEquals(type, Json.number(Json.at(readobjType, "Value")));
      String expected = (String) Json.at(readobjType, "Name");
      // readobj says "Unknown"; the reader's name also carries the number.
      if (expected.equals("Unknown")) {
        expected = "unknown type 0x" + Integer.toHexString(type);
      }
      assertEquals(expected, relocations.get(type).typeName());
    }
  }
}

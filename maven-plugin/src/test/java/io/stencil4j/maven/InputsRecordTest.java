package io.stencil4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a record, telling what changed since, and deleting what was built from it. */
class InputsRecordTest {
  private static final String SHA_OF_ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @TempDir Path directory;

  @Test
  void namesEachChangedOrMissingInput() throws IOException {
    Path same = write("same.h", "abc");
    Path changed = write("changed.h", "abd");
    Path missing = directory.resolve("missing.h");
    InputsRecord record = InputsRecord.read(write("Calc.stencil-inputs", InputsRecord.FORMAT
        + "\ninterface demo.Calc\n"
        + "input " + SHA_OF_ABC + " " + same.toUri() + "\n"
        + "input " + SHA_OF_ABC + " " + changed.toUri() + "\n"
        + "input " + SHA_OF_ABC + " " + missing.toUri() + "\n"
        + "output " + directory.resolve("Calc.class").toUri() + "\n"));

    assertEquals("demo.Calc", record.interfaceName());
    assertEquals(Map.of(same, SHA_OF_ABC, changed, SHA_OF_ABC, missing, SHA_OF_ABC),
        record.inputs());
    assertEquals(List.of(changed + " changed", missing + " is missing"),
        InputChanges.of(record));
  }

  @Test
  void deletesTheOutputsTheirNestedClassesAndTheRecord() throws IOException {
    Path calc = write("Calc.class", "");
    Path nested = write("Calc$1.class", "");
    Path header = write("calc.h", "");
    Path other = write("CalcOther.class", "");
    Path file = write("CalcStencils.stencil-inputs", InputsRecord.FORMAT
        + "\ninterface demo.Calc\n"
        + "output " + calc.toUri() + "\n"
        + "output " + directory.resolve("CalcStencils.class").toUri() + "\n"
        + "output " + header.toUri() + "\n");

    List<Path> deleted = GeneratedFiles.delete(InputsRecord.read(file));

    assertEquals(List.of(nested, calc, header, file), deleted);
    assertEquals(List.of(other), Files.list(directory).toList());
  }

  @Test
  void aDamagedRecordNamesItsLine() throws IOException {
    Path wrongFormat = write("a.stencil-inputs", "# stencil4j-inputs 2\n");
    Path badLine = write("b.stencil-inputs", InputsRecord.FORMAT
        + "\ninterface demo.Calc\ninput 12 file:/x\n");
    Path cut = write("c.stencil-inputs", InputsRecord.FORMAT + "\ninterface demo.Calc\n");

    assertEquals("line 1 is not \"# stencil4j-inputs 1\": it was written by another Stencil4j "
        + "version than this plugin's, or damaged", assertThrows(IllegalArgumentException.class,
            () -> InputsRecord.read(wrongFormat)).getMessage());
    assertEquals("line 3: is no interface, input or output line", assertThrows(
        IllegalArgumentException.class, () -> InputsRecord.read(badLine)).getMessage());
    assertEquals("it names no interface or no output: it is cut short", assertThrows(
        IllegalArgumentException.class, () -> InputsRecord.read(cut)).getMessage());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(directory.resolve(name), text);
  }
}

package io.stencil4j.it;

import static io.stencil4j.it.ItSupport.DISPATCHER_HEADER;
import static io.stencil4j.it.ItSupport.TRIPLE_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stencil4j.it.ItSupport.Fixture;
import io.stencil4j.it.ItSupport.Jdk;
import io.stencil4j.it.ItSupport.Output;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated headers and Java source depend on the inputs' contents only: the same example
 * under two different absolute paths, and twice in the same place, gives the same bytes.
 */
class ReproducibleHeaderTest {

  @Test
  void generatedFilesAreByteIdenticalAcrossDirectoriesAndRuns(@TempDir Path dir)
      throws IOException {
    Path a = dir.resolve("a/src");
    Path b = dir.resolve("b/deeper/src");
    Fixture exampleInA = ItSupport.copyStackVm(a);
    Map<String, byte[]> inA = generate(exampleInA, a.resolveSibling("out"));
    Map<String, byte[]> inB = generate(ItSupport.copyStackVm(b), b.resolveSibling("out"));
    assertSameFiles(inA, inB, "the example in " + a + " and in " + b);

    for (String header : List.of(DISPATCHER_HEADER, TRIPLE_HEADER)) {
      String text = new String(inA.get(header), StandardCharsets.UTF_8);
      String firstLine = text.lines().findFirst().orElse("");
      assertTrue(firstLine.matches("// [0-9a-f]{64}"),
          header + ": line 1 must be the input digest, it is \"" + firstLine + "\"");
    }
    assertEquals(firstLine(inA.get(DISPATCHER_HEADER)), firstLine(inA.get(TRIPLE_HEADER)),
        "both headers carry the same input digest");
    for (Map.Entry<String, byte[]> file : inA.entrySet()) {
      String text = new String(file.getValue(), StandardCharsets.UTF_8);
      assertFalse(text.contains(dir.toString()), file.getKey() + " contains the path " + dir);
    }

    // again in the same directories: the second run overwrites the first run's files
    Map<String, byte[]> again = generate(exampleInA, a.resolveSibling("out"));
    assertSameFiles(inA, again, "two runs in " + a);
  }

  private static Map<String, byte[]> generate(Fixture fixture, Path outputDirectory)
      throws IOException {
    Output output = Output.in(outputDirectory);
    ItSupport.javac(Jdk.BUILD, fixture, output).assertSuccess();
    return output.readGenerated();
  }

  private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual,
      String what) {
    assertEquals(expected.keySet(), actual.keySet(), what);
    for (String name : expected.keySet()) {
      String expectedText = new String(expected.get(name), StandardCharsets.UTF_8);
      String actualText = new String(actual.get(name), StandardCharsets.UTF_8);
      // compare as text first for a readable diff, then byte for byte
      assertEquals(expectedText, actualText, name + " differs between " + what);
      assertTrue(Arrays.equals(expected.get(name), actual.get(name)),
          name + " differs between " + what);
    }
  }

  private static String firstLine(byte[] text) {
    return new String(text, StandardCharsets.UTF_8).lines().findFirst().orElse("");
  }
}

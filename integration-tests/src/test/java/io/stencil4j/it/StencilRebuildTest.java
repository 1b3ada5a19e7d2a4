package io.stencil4j.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's Maven project (src/it/stencil-rebuild: two {@code @Stencil} interfaces, one whose
 * template and shim include calc.h) built with Maven, the Stencil4j processor and
 * stencil4j-maven-plugin as a user's build has them: editing only the header and running
 * {@code mvn compile} again builds that interface's stencils again, and a build with nothing
 * changed compiles and regenerates nothing.
 */
class StencilRebuildTest {
  private static final String PACKAGE = "io/example";
  /** ADDEND in calc.h, as the little-endian bytes of the instruction that adds it. */
  private static final String OLD_ADDEND = "0x11223344";
  private static final byte[] OLD_BYTES = {0x44, 0x33, 0x22, 0x11};
  private static final String NEW_ADDEND = "0x55667788";
  private static final byte[] NEW_BYTES = {(byte) 0x88, 0x77, 0x66, 0x55};

  @TempDir Path work;
  private Path settings;

  @Test
  void aChangedHeaderRebuildsTheStencilsThatReadItAndNothingElse() throws Exception {
    Path project = copyProject();

    String first = mvnCompile(project);
    assertTrue(first.contains("stencil: Calc: 3 stencils x 1 triples: 3 compiled in 2 compiler "
        + "runs, 0 from the cache"), first);
    assertAddCode(project, OLD_BYTES, NEW_BYTES);

    Path header = project.resolve("src/main/c/calc.h");
    String text = Files.readString(header);
    assertTrue(text.contains(OLD_ADDEND), text);
    Files.writeString(header, text.replace(OLD_ADDEND, NEW_ADDEND));
    String second = mvnCompile(project);
    assertTrue(second.contains("[INFO] Stencil4j: the stencils of io.example.Calc are built "
        + "again: " + header + " changed\n"), second);
    assertTrue(second.contains("[INFO] Stencil4j: 1 @Stencil interface is up to date with its C "
        + "sources\n"), second);
    // the template, cases and shim all include calc.h: every stencil of Calc is compiled again;
    // Twice, compiled again by javac with the module, takes its stencil from the cache
    assertTrue(second.contains("stencil: Calc: 3 stencils x 1 triples: 3 compiled in 2 compiler "
        + "runs, 0 from the cache"), second);
    assertTrue(second.contains("stencil: Twice: 1 stencils x 1 triples: 0 compiled in 0 compiler "
        + "runs, 1 from the cache"), second);
    assertAddCode(project, NEW_BYTES, OLD_BYTES);

    Map<Path, FileTime> built = timestamps(project);
    String third = mvnCompile(project);
    assertTrue(third.contains("[INFO] Stencil4j: 2 @Stencil interfaces are up to date with their C "
        + "sources\n"), third);
    assertTrue(third.contains("[INFO] Nothing to compile - all classes are up to date"), third);
    assertFalse(third.contains("stencil:"), third);
    assertEquals(built, timestamps(project));
    assertAddCode(project, NEW_BYTES, OLD_BYTES);
  }

  /**
   * Asserts that the stencil ADD, as the generated class and the C header hold it, adds {@code
   * expected} and not {@code stale}.
   */
  private static void assertAddCode(Path project, byte[] expected, byte[] stale)
      throws Exception {
    byte[] fromClass = addCodeFromClass(project.resolve("target/classes"));
    String hex = HexFormat.of().formatHex(fromClass);
    assertTrue(hex.contains(HexFormat.of().formatHex(expected)), hex);
    assertFalse(hex.contains(HexFormat.of().formatHex(stale)), hex);
    Path header = project.resolve("target/generated-sources/annotations").resolve(PACKAGE)
        .resolve("calc-x86_64-unknown-linux-gnu.h");
    assertArrayEquals(fromClass, addCodeFromHeader(Files.readString(header)), hex);
  }

  /** The code of the stencil ADD, from the generated class that javac compiled. */
  private static byte[] addCodeFromClass(Path classes) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        StencilRebuildTest.class.getClassLoader())) {
      Class<?> entry = loader.loadClass("io.example.CalcStencils");
      StencilLibrary library = (StencilLibrary) entry.getMethod("forTriple", Triple.class)
          .invoke(null, Triple.X86_64_UNKNOWN_LINUX_GNU);
      return library.stencil("ADD").code();
    }
  }

  /** The code of the stencil ADD, from the C header's array. */
  private static byte[] addCodeFromHeader(String header) {
    Matcher array = Pattern.compile("static const unsigned char calc_ADD_code\\[(\\d+)] = "
        + "\\{([^}]*)};").matcher(header);
    if (!array.find()) {
      fail("no array calc_ADD_code in\n" + header);
    }
    List<String> values = Pattern.compile("0x([0-9a-f]{2})").matcher(array.group(2)).results()
        .map(m -> m.group(1)).toList();
    assertEquals(Integer.parseInt(array.group(1)), values.size(), array.group());
    return HexFormat.of().parseHex(String.join("", values));
  }

  /**
   * Copies the project into the temporary directory, with this build's Stencil4j version, and
   * writes its Maven settings ({@link MavenBuilds#settings}).
   */
  private Path copyProject() throws IOException {
    Path source = ItSupport.moduleDirectory().resolve("src/it/stencil-rebuild");
    Path project = work.resolve("stencil-rebuild");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = project.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.writeString(copy, Files.readString(file).replace("@stencil4j.version@",
              System.getProperty("stencil.it.version")));
        }
      }
    }
    settings = MavenBuilds.settings(work);
    return project;
  }

  /** Runs {@code mvn compile} on {@code project}, asserting success; returns its output. */
  private String mvnCompile(Path project) {
    return MavenBuilds.mvn(project, settings, "compile");
  }

  /** The last-modified time of every class, generated source and header, by path. */
  private static Map<Path, FileTime> timestamps(Path project) throws IOException {
    Map<Path, FileTime> times = new TreeMap<>();
    for (String directory : List.of("target/classes", "target/generated-sources")) {
      try (Stream<Path> files = Files.walk(project.resolve(directory))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          times.put(file, Files.getLastModifiedTime(file));
        }
      }
    }
    return times;
  }
}

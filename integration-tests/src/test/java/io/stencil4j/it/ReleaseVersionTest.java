package io.stencil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stencil4j.it.ItSupport.Jdk;
import io.stencil4j.it.ItSupport.Output;
import io.stencil4j.processor.StencilProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Stencil4j version that cache keys and snapshots record is the one in the processor jar's
 * manifest, the POM's version: a release with another version has other keys
 * (InputDigestTest shows that each key changes with the version string).
 */
class ReleaseVersionTest {

  @Test
  void snapshotsRecordTheVersionInTheProcessorJarsManifest(@TempDir Path dir) throws Exception {
    Path processor = ItSupport.location(StencilProcessor.class);
    assertTrue(Files.isRegularFile(processor), "the processor comes from " + processor
        + ", not its jar: run mvn verify, which packages it before these tests");
    String version;
    try (JarFile jar = new JarFile(processor.toFile())) {
      version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
    }
    assertEquals(System.getProperty("stencil.it.version"), version,
        "Implementation-Version of " + processor);

    Path snapshots = dir.resolve("stencils");
    ItSupport.javac(Jdk.BUILD, ItSupport.tally(), Output.in(dir.resolve("out")),
        "-Astencil.snapshot=" + snapshots, "-Astencil.cache=none").assertSuccess();
    List<Path> written;
    try (Stream<Path> files = Files.walk(snapshots)) {
      written = files.filter(Files::isRegularFile).toList();
    }
    assertTrue(!written.isEmpty(), "no snapshot under " + snapshots);
    for (Path snapshot : written) {
      // the version is written as "VERSION CODE-DIGEST", in modified UTF-8 (ASCII here)
      String text = new String(Files.readAllBytes(snapshot), StandardCharsets.ISO_8859_1);
      assertTrue(text.contains(version + " "), snapshot + " does not record " + version);
      assertTrue(!text.contains("development "), snapshot + " records a development build");
    }
  }
}

package io.stencil4j.processor;

import io.stencil4j.model.StencilGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which Stencil4j builds the stencils, as cache keys, snapshots and header digests record it:
 * the version in the jar's manifest and a digest of the code itself (the processor's and the
 * stencil model's), so that stencils built by other code, a changed snapshot build or classes
 * compiled from a working tree, are never taken for this code's.
 */
final class Stencil4jVersion {
  private static final String CURRENT = compute();

  private Stencil4jVersion() {}

  /** For example {@code 0.1.0 3f2a…} or {@code development 9b1c…} (run from classes). */
  static String current() {
    return CURRENT;
  }

  private static String compute() {
    Package pkg = Stencil4jVersion.class.getPackage();
    String version = pkg == null ? null : pkg.getImplementationVersion();
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Class<?> type : List.of(Stencil4jVersion.class, StencilGroup.class)) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        digest(sha, Path.of(source.getLocation().toURI()));
      }
      return (version == null ? "development" : version) + " "
          + HexFormat.of().formatHex(sha.digest(), 0, 12);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Stencil4j's own code", e);
    } catch (URISyntaxException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot identify Stencil4j's own code", e);
    }
  }

  /** A jar's bytes, or every file of a class directory by relative path and contents. */
  private static void digest(MessageDigest sha, Path location) throws IOException {
    if (Files.isRegularFile(location)) {
      sha.update(Files.readAllBytes(location));
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(location)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      sha.update(location.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      sha.update(Files.readAllBytes(file));
    }
  }
}

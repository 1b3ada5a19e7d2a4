package io.stencil4j.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Maven local repository for a user's project built in a test: this build's Stencil4j
 * artifacts, as {@code mvn install} would put them, and everything else from the developer's
 * own local repository. The rest is linked rather than copied, so plugins are not downloaded
 * again and the developer's repository never receives this build's artifacts.
 */
final class MavenRepositories {
  private static final String GROUP = "io/stencil4j";

  /** The modules a user's project depends on: the directory and the artifact of each. */
  private static final List<String[]> PUBLISHED = List.of(
      new String[] {"annotations", "stencil4j-annotations"},
      new String[] {"processor", "stencil4j-processor"},
      new String[] {"runtime", "stencil4j-runtime"});

  private MavenRepositories() {}

  /**
   * Makes {@code directory} such a repository for Stencil4j {@code version}, whose artifacts are
   * in the reactor's {@code target} directories (a build up to {@code package}).
   */
  static Path withThisBuild(Path directory, String version) throws IOException {
    Path home = Path.of(ItSupport.property("stencil.it.localRepository"));
    linkAllBut(home, directory, "io");
    linkAllBut(home.resolve("io"), directory.resolve("io"), "stencil4j");
    Path reactor = ItSupport.moduleDirectory().getParent();
    install(directory, "stencil4j-parent", version, reactor.resolve("pom.xml"), null);
    for (String[] module : PUBLISHED) {
      Path moduleDirectory = reactor.resolve(module[0]);
      Path jar = moduleDirectory.resolve("target").resolve(module[1] + "-" + version + ".jar");
      if (!Files.isRegularFile(jar)) {
        fail(jar + " is missing: build the modules first (mvn verify -pl integration-tests -am)");
      }
      install(directory, module[1], version, moduleDirectory.resolve("pom.xml"), jar);
    }
    return directory;
  }

  /** Links every entry of {@code from} into {@code to}, except {@code excluded}. */
  private static void linkAllBut(Path from, Path to, String excluded) throws IOException {
    Files.createDirectories(to);
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> entries = Files.list(from)) {
      for (Path entry : entries.toList()) {
        if (!entry.getFileName().toString().equals(excluded)) {
          Files.createSymbolicLink(to.resolve(entry.getFileName()), entry);
        }
      }
    }
  }

  private static void install(Path repository, String artifact, String version, Path pom,
      Path jar) throws IOException {
    Path directory = Files.createDirectories(
        repository.resolve(GROUP).resolve(artifact).resolve(version));
    Files.copy(pom, directory.resolve(artifact + "-" + version + ".pom"));
    if (jar != null) {
      Files.copy(jar, directory.resolve(artifact + "-" + version + ".jar"));
    }
  }
}

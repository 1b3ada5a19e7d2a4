package io.stencil4j.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maven builds of a user's project, run by a test as a user runs them: against the Stencil4j
 * artifacts of this build, which this module's build installs in {@code target/it-repo}
 * (maven-invoker-plugin's {@code install}), never those in {@code ~/.m2}.
 */
final class MavenBuilds {
  private static final Duration LIMIT = Duration.ofMinutes(5);

  private MavenBuilds() {}

  /**
   * Writes Maven settings into {@code directory}: {@code target/it-repo} as the local
   * repository, and {@code ~/.m2} as a remote one that comes before Maven Central, so that what
   * the developer's builds downloaded is copied from there and only what is missing (the
   * default plugins of a user's POM, say) is downloaded; nothing is installed into {@code
   * ~/.m2}. Returns the file.
   */
  static Path settings(Path directory) throws IOException {
    String userRepository = Path.of(System.getProperty("user.home"), ".m2", "repository")
        .toUri().toString();
    String repositories = """
            <repository>
              <id>user-repository</id>
              <url>%1$s</url>
              <snapshots><updatePolicy>never</updatePolicy></snapshots>
            </repository>
            <repository>
              <id>central</id>
              <url>https://repo.maven.apache.org/maven2</url>
              <snapshots><enabled>false</enabled></snapshots>
            </repository>
        """.formatted(userRepository);
    Path settings = directory.resolve("settings.xml");
    Files.writeString(settings, """
        <settings>
          <localRepository>%s</localRepository>
          <profiles>
            <profile>
              <id>user-repository-first</id>
              <repositories>
        %s      </repositories>
              <pluginRepositories>
        %s      </pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles>
            <activeProfile>user-repository-first</activeProfile>
          </activeProfiles>
        </settings>
        """.formatted(ItSupport.property("stencil.it.repository"), repositories,
            repositories.replace("repository>", "pluginRepository>")), StandardCharsets.UTF_8);
    return settings;
  }

  /**
   * Runs {@code mvn -B -ntp -s SETTINGS ARGUMENTS} in {@code project} with this JDK, asserting
   * success; returns what it printed.
   */
  static String mvn(Path project, Path settings, String... arguments) {
    List<String> command = new ArrayList<>(List.of(ItSupport.tool("mvn", "maven").toString(),
        "-B", "-ntp", "-Dstyle.color=never", "-s", settings.toString()));
    command.addAll(List.of(arguments));
    return ItSupport.runWithin(project, command, environment(), LIMIT)
        .orElseGet(() -> fail(String.join(" ", command) + " did not finish in " + LIMIT))
        .assertSuccess().stdout();
  }

  /** The environment of a Maven build: this JDK. */
  static Map<String, String> environment() {
    return Map.of("JAVA_HOME", System.getProperty("java.home"));
  }

  /** How long a Maven build of a small project may take. */
  static Duration limit() {
    return LIMIT;
  }
}

package io.stencil4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.stencil4j.it.ItSupport.Result;
import io.stencil4j.it.ReadmeBlocks.Block;
import io.stencil4j.it.ReadmeBlocks.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every code block of the README compiles or runs, as the README shows it: the quick start's
 * project is written from the page into a fresh directory, built with Maven against this
 * build's artifacts and run, and its C JIT compiled and run, each printing what the page says;
 * excerpts are found in the files whose tests run them; the two commands are the scripts CI
 * runs.
 */
class ReadmeTest {
  /**
   * The output blocks not produced here, with how their output starts: the benchmarks take
   * minutes, so the README shows the table of a run it names.
   */
  private static final Map<String, String> NOT_RUN = Map.of("./run-benchmarks.sh",
      "Stencil4j benchmarks: JMH");

  private static List<Block> blocks;

  @BeforeAll
  static void readTheReadme() throws IOException {
    blocks = ReadmeBlocks.of(Files.readAllLines(repository().resolve("README.md")));
  }

  @Test
  void theTwoCommandsAreTheScriptsAndCiRunsTheTests() throws IOException {
    List<String> commands = ReadmeBlocks.ofKind(blocks, Kind.COMMAND).stream()
        .map(Block::text).toList();
    assertEquals(List.of("./run-example.sh\n", "./run-tests.sh\n"), commands);
    for (String command : commands) {
      assertTrue(Files.isExecutable(repository().resolve(command.strip())), command);
    }
    assertTrue(Files.readString(repository().resolve(".ci/run")).contains("./run-tests.sh"),
        ".ci/run must run the README's test command");
  }

  @Test
  void excerptsAreInTheFilesThatRunThem() throws IOException {
    List<Block> excerpts = ReadmeBlocks.ofKind(blocks, Kind.EXCERPT);
    assertTrue(!excerpts.isEmpty(), "the README has excerpts");
    for (Block excerpt : excerpts) {
      Path file = repository().resolve(excerpt.argument());
      assertTrue(Files.isRegularFile(file), "README line " + excerpt.line() + ": " + file);
      assertTrue(ReadmeBlocks.isExcerptOf(excerpt.lines(), Files.readAllLines(file)),
          "README line " + excerpt.line() + ": the block is not in " + file + " as it is shown");
    }
  }

  @Test
  void theQuickStartBuildsAndRunsAsWritten(@TempDir Path directory) throws IOException {
    List<Block> files = ReadmeBlocks.ofKind(blocks, Kind.FILE);
    assertTrue(files.size() >= 5, "the quick start's files: " + files.size());
    for (Block file : files) {
      Path path = directory.resolve(file.argument());
      assertTrue(path.normalize().startsWith(directory), file.argument());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.text());
    }
    String pom = Files.readString(directory.resolve("pom.xml"));
    String version = ItSupport.property("stencil.it.version");
    assertTrue(pom.contains("<stencil4j.version>" + version + "</stencil4j.version>"),
        "the quick start's POM must use this build's version, " + version);
    // the README's commands as written; Maven finds this build's artifacts through the
    // project's .mvn/maven.config, which a user does not need
    Path settings = MavenBuilds.settings(Files.createDirectories(directory.resolve(".mvn")));
    Files.writeString(directory.resolve(".mvn/maven.config"), "-B -ntp -s " + settings);
    int run = 0;
    for (Block output : ReadmeBlocks.ofKind(blocks, Kind.OUTPUT)) {
      String expectedStart = NOT_RUN.get(output.argument());
      if (expectedStart != null) {
        assertTrue(output.lines().get(0).startsWith(expectedStart), output.argument()
            + "'s output must start with " + expectedStart);
        continue;
      }
      Result result = ItSupport.runWithin(directory, List.of("sh", "-c", output.argument()),
          MavenBuilds.environment(), MavenBuilds.limit()).orElseGet(() -> fail(
              output.argument() + " did not finish in " + MavenBuilds.limit()));
      result.assertSuccess();
      assertEquals(output.text(), withoutEscapes(result.stdout()),
          "README line " + output.line() + ": what " + output.argument() + " prints");
      run++;
    }
    assertEquals(2, run, "the quick start's Maven build and its C JIT");
  }

  /** Maven colours even a pipe's output now and then; the text is what is compared. */
  private static String withoutEscapes(String text) {
    return text.replaceAll("\u001b\\[[0-9;]*m", "");
  }

  private static Path repository() {
    return ItSupport.moduleDirectory().getParent();
  }
}

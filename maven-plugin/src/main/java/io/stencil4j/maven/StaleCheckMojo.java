package io.stencil4j.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Makes the stencils follow their C sources: before javac runs, compares each {@code @Stencil}
 * interface's inputs record (written by the processor on its last build) with the files on disk
 * and with maven-compiler-plugin's settings; for an interface whose template, cases, shim, any
 * header its compilers read, or the compiler plugin's settings changed, deletes its class file
 * and what was generated from it, so that maven-compiler-plugin compiles it again and the
 * processor builds its stencils again (unchanged ones come from the stencil cache). When nothing
 * changed it deletes nothing, and maven-compiler-plugin has nothing to compile.
 */
@Mojo(name = "stale-check", defaultPhase = LifecyclePhase.PROCESS_SOURCES, threadSafe = true)
public final class StaleCheckMojo extends AbstractMojo {
  /** Where javac writes the main code's generated sources (maven-compiler-plugin's default). */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/annotations",
      required = true)
  private File generatedSourcesDirectory;

  /** Where javac writes the tests' generated sources (maven-compiler-plugin's default). */
  @Parameter(defaultValue = "${project.build.directory}/generated-test-sources/test-annotations",
      required = true)
  private File generatedTestSourcesDirectory;

  /** Where this goal keeps the compiler plugin's settings of the last build, to compare. */
  @Parameter(defaultValue = "${project.build.directory}/stencil4j/compiler-settings.txt",
      required = true, readonly = true)
  private File settingsFile;

  /** Skips the check. */
  @Parameter(property = "stencil4j.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", required = true, readonly = true)
  private MavenProject project;

  /** Made by Maven, which then injects the parameters. */
  public StaleCheckMojo() {}

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("Stencil4j: the check for changed C sources is skipped");
      return;
    }
    try {
      String settings = CompilerSettings.of(project);
      Path settingsPath = settingsFile.toPath();
      boolean settingsChanged = !Files.isRegularFile(settingsPath)
          || !Files.readString(settingsPath, StandardCharsets.UTF_8).equals(settings);
      int upToDate = 0;
      for (Path file : records()) {
        if (!check(file, settingsChanged)) {
          upToDate++;
        }
      }
      if (upToDate > 0) {
        getLog().info("Stencil4j: " + upToDate + (upToDate == 1
            ? " @Stencil interface is up to date with its C sources"
            : " @Stencil interfaces are up to date with their C sources"));
      }
      if (settingsChanged) {
        Files.createDirectories(settingsPath.getParent());
        Files.writeString(settingsPath, settings, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Stencil4j cannot check whether the C sources of the "
          + "stencils changed: " + e, e);
    }
  }

  /** The inputs records in both generated-sources directories, in a stable order. */
  private List<Path> records() throws IOException {
    List<Path> records = new ArrayList<>();
    for (File directory : List.of(generatedSourcesDirectory, generatedTestSourcesDirectory)) {
      if (directory.isDirectory()) {
        try (Stream<Path> walk = Files.walk(directory.toPath())) {
          walk.filter(p -> p.getFileName().toString().endsWith(InputsRecord.SUFFIX))
              .sorted().forEach(records::add);
        }
      }
    }
    return records;
  }

  /** Checks one record; returns whether its interface was made stale. */
  private boolean check(Path file, boolean settingsChanged)
      throws IOException, MojoExecutionException {
    InputsRecord record;
    try {
      record = InputsRecord.read(file);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("Stencil4j cannot read the inputs record " + file + " ("
          + e.getMessage() + "), so it cannot tell whether its stencils are stale: delete the "
          + "build directory (mvn clean) to build every stencil again");
    }
    List<String> changes = new ArrayList<>(InputChanges.of(record));
    if (settingsChanged) {
      changes.add("the settings of maven-compiler-plugin changed (or were not recorded)");
    }
    if (changes.isEmpty()) {
      return false;
    }
    List<Path> deleted = GeneratedFiles.delete(record);
    getLog().info("Stencil4j: the stencils of " + record.interfaceName() + " are built again: "
        + String.join(", ", changes));
    deleted.forEach(d -> getLog().debug("Stencil4j: deleted " + d));
    return true;
  }
}

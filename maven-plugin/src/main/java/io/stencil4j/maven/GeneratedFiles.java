package io.stencil4j.maven;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes what a record says was built from an interface's stencils: without its class file,
 * maven-compiler-plugin finds the interface's source stale and compiles it again, which runs
 * the processor again; without the generated source and headers, nothing stale is left to use
 * until it has.
 */
final class GeneratedFiles {
  private GeneratedFiles() {}

  /**
   * Deletes the outputs of {@code record} (a class file with its nested classes' files), then
   * the record; returns the files deleted.
   */
  static List<Path> delete(InputsRecord record) throws IOException {
    List<Path> deleted = new ArrayList<>();
    for (Path output : record.outputs()) {
      String name = output.getFileName().toString();
      if (name.endsWith(".class")) {
        deleteNested(output, name.substring(0, name.length() - ".class".length()), deleted);
      }
      if (Files.deleteIfExists(output)) {
        deleted.add(output);
      }
    }
    Files.delete(record.file());
    deleted.add(record.file());
    return deleted;
  }

  private static void deleteNested(Path classFile, String className, List<Path> deleted)
      throws IOException {
    try (DirectoryStream<Path> nested =
        Files.newDirectoryStream(classFile.getParent(), className + "$*.class")) {
      for (Path file : nested) {
        Files.delete(file);
        deleted.add(file);
      }
    } catch (NoSuchFileException e) {
      // no class output (a clean build): nothing compiled to delete
    }
  }
}

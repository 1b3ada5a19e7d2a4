package io.stencil4j.processor.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Keeps a build's object files for inspection, as {@code DIR/TRIPLE/NAME.o}. */
public final class KeptObjects {
  private KeptObjects() {}

  /**
   * Writes {@code objects} under {@code directory}; a batch's is named after its first case.
   *
   * @param objects the build's objects
   * @param directory where to write them
   * @throws IOException if they cannot be written
   */
  public static void write(List<CompiledObject> objects, Path directory) throws IOException {
    for (CompiledObject object : objects) {
      List<String> names = object.job().unit().stencilNames();
      Path file = directory.resolve(object.job().triple().triple()).resolve(names.size() == 1
          ? names.get(0) + ".o" : "batch-" + names.get(0) + ".o");
      Files.createDirectories(file.getParent());
      Files.write(file, object.bytes());
    }
  }
}

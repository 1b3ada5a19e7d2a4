package io.stencil4j.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The command line's output directory. Each file is written beside its place and renamed into
 * it, so that a C build never reads half a header; it is created as any new file of the user
 * (the umask decides who may read it, as for javac's output), not as a private temporary file.
 */
final class OutputDirectory implements HeaderFiles.Place {
  private final Path directory;

  OutputDirectory(Path directory) {
    this.directory = directory;
  }

  @Override
  public Path path(String name) {
    return directory.resolve(name);
  }

  @Override
  public void write(String name, String text) throws IOException {
    Files.createDirectories(directory);
    Path temporary = directory.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      Files.move(temporary, path(name), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}

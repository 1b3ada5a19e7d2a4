package io.stencil4j.processor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes a directory read-only for the tests, also when they run as root, who ignores file
 * modes: then with {@code chattr +i} (e2fsprogs), which stops root too on ext4, xfs and btrfs.
 */
final class ReadOnly {
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
  /** What the system says when a file is created in such a directory. */
  static final String REFUSAL = ROOT ? "operation not permitted" : "permission denied";

  private ReadOnly() {}

  static void directory(Path directory) throws IOException {
    if (ROOT) {
      chattr("+i", directory);
    } else {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-xr-xr-x"));
    }
  }

  /** Makes {@code directory} writable again, so the test's temporary files can be removed. */
  static void undo(Path directory) throws IOException {
    if (ROOT) {
      chattr("-i", directory);
    } else {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static void chattr(String change, Path directory) throws IOException {
    Process process = new ProcessBuilder(List.of("chattr", change, directory.toString()))
        .redirectErrorStream(true).start();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("chattr " + change + " " + directory + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String output = new String(process.getInputStream().readAllBytes());
    if (process.exitValue() != 0) {
      throw new IOException("chattr " + change + " " + directory + " failed (the file system "
          + "must support the immutable attribute): " + output);
    }
  }
}

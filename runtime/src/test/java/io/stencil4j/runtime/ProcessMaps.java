package io.stencil4j.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/** Reads the protection of this process's pages from Linux's {@code /proc/self/maps}. */
final class ProcessMaps {
  private static final Path MAPS = Path.of("/proc/self/maps");

  private ProcessMaps() {}

  static boolean available() {
    return Files.isReadable(MAPS);
  }

  /** The lines of the maps file: one per mapping. */
  static List<String> mappings() {
    try {
      return Files.readAllLines(MAPS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The permissions ("r-xp", "rw-p", ...) of the mapping holding {@code address}. */
  static String permissions(long address) {
      for (String line : mappings()) {
        String[] fields = line.split(" +");
        String[] range = fields[0].split("-");
        long start = HexFormat.fromHexDigitsToLong(range[0]);
        long end = HexFormat.fromHexDigitsToLong(range[1]);
        if (Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0) {
          return fields[1];
        }
      }
      return "unmapped";
  }
}

package io.stencil4j.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Which inputs of a record differ from the files on disk now: compared by contents. */
final class InputChanges {
  private InputChanges() {}

  /** One phrase per changed input ({@code /p/calc.h changed}); empty if none changed. */
  static List<String> of(InputsRecord record) {
    List<String> changes = new ArrayList<>();
    for (Map.Entry<Path, String> input : record.inputs().entrySet()) {
      Path file = input.getKey();
      if (!Files.isRegularFile(file)) {
        changes.add(file + " is missing");
        continue;
      }
      try {
        if (!sha256(file).equals(input.getValue())) {
          changes.add(file + " changed");
        }
      } catch (IOException e) {
        changes.add(file + " cannot be read (" + e.getMessage() + ")");
      }
    }
    return changes;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

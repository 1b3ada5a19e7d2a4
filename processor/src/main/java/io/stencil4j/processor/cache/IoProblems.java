package io.stencil4j.processor.cache;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/** Why a file operation failed, in a few words for a message that names the file already. */
final class IoProblems {
  private IoProblems() {}

  /** "permission denied", "is a directory", "/cache/ab is not a directory"... */
  static String cause(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return decapitalized(f.getReason());
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException f) {
      // what Files.createDirectories says when a file is where a directory should be
      return f.getFile() + " is not a directory";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return e.getMessage() != null ? decapitalized(e.getMessage())
        : e.getClass().getSimpleName();
  }

  /** The system's "Not a directory" in the middle of a sentence. */
  private static String decapitalized(String reason) {
    return reason.isEmpty() ? reason
        : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
  }
}

package io.stencil4j.processor.object;

/** An object file that cannot be read: truncated, inconsistent or of an unsupported kind. */
public final class MalformedObjectException extends Exception {
  public MalformedObjectException(String message) {
    super(message);
  }

  public MalformedObjectException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.stencil4j.processor.object;

/** An object file that cannot be read: truncated, inconsistent or of an unsupported kind. */
public final class MalformedObjectException extends Exception {
  /**
   * An object file that cannot be read, and why.
   *
   * @param message what is wrong and where, e.g. the offset
   */
  public MalformedObjectException(String message) {
    super(message);
  }
}

package io.stencil4j.processor.cache;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The form cache entries and snapshots share: a payload, then its SHA-256. Read with bounds, so
 * that a damaged length or a huge file is an {@code IllegalArgumentException} saying so, never an
 * allocation larger than the file.
 */
final class SealedFile {
  private static final int CHECKSUM_LENGTH = 32;

  private SealedFile() {}

  /** {@code payload} followed by its checksum. */
  static byte[] seal(byte[] payload) {
    byte[] sealed = Arrays.copyOf(payload, payload.length + CHECKSUM_LENGTH);
    System.arraycopy(sha256().digest(payload), 0, sealed, payload.length, CHECKSUM_LENGTH);
    return sealed;
  }

  /** Reads a payload. */
  interface PayloadReader<T> {
    T read(DataInputStream in) throws IOException;
  }

  /**
   * What {@code reader} reads from the payload of {@code sealed}; {@code
   * IllegalArgumentException} says why it cannot: a wrong checksum, a payload cut short...
   */
  static <T> T decode(byte[] sealed, PayloadReader<T> reader) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(open(sealed)))) {
      return reader.read(in);
    } catch (EOFException e) {
      throw new IllegalArgumentException("it is truncated", e);
    } catch (UTFDataFormatException e) {
      throw new IllegalArgumentException("it holds malformed text", e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading bytes in memory", e);
    }
  }

  private static byte[] open(byte[] sealed) {
    if (sealed.length < CHECKSUM_LENGTH) {
      throw new IllegalArgumentException("it is truncated");
    }
    byte[] payload = Arrays.copyOf(sealed, sealed.length - CHECKSUM_LENGTH);
    if (!MessageDigest.isEqual(sha256().digest(payload),
        Arrays.copyOfRange(sealed, payload.length, sealed.length))) {
      throw new IllegalArgumentException("its checksum is wrong");
    }
    return payload;
  }

  /** The contents of {@code file}, unless it is larger than {@code limit} bytes. */
  static byte[] read(Path file, long limit) throws IOException {
    long size = Files.size(file);
    if (size > limit) {
      throw new IllegalArgumentException("it is " + size + " bytes long, more than the "
          + limit + " bytes it can be");
    }
    return Files.readAllBytes(file);
  }

  /**
   * A byte array written with its length before it, read from {@code in}, which reads the
   * payload of a file of {@code fileLength} bytes: never longer than what is left of it.
   */
  static byte[] readBytes(DataInputStream in, int fileLength) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      int at = fileLength - CHECKSUM_LENGTH - in.available();
      throw new IllegalArgumentException("it claims " + length + " bytes at byte " + at
          + ", but is " + fileLength + " bytes long");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

package io.stencil4j.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The binary form of a {@link StencilLibrary}. Generated classes keep it in string constants
 * (one char per byte) rather than array initialisers, which would hit the class-file limit of
 * 64 KiB of bytecode per method.
 */
public final class StencilLibraryCodec {
  private static final int MAGIC = 0x53344a4c; // "S4JL"
  /**
   * Version 2 added whether each stencil falls through, version 3 the functions of the native
   * helpers; versions 1 and 2 are still read (no stencil falls through in 1; none has functions).
   */
  private static final int VERSION = 3;

  private StencilLibraryCodec() {}

  /**
   * {@return the library's binary form, as generated classes store it}
   *
   * @param library the library to encode
   */
  public static byte[] encode(StencilLibrary library) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeByte(VERSION);
      out.writeUTF(library.triple().triple());
      out.writeInt(library.stencils().size());
      for (StencilGroup stencil : library.stencils()) {
        out.writeUTF(stencil.name());
        writeBytes(out, stencil.code());
        writeBytes(out, stencil.data());
        writeHoles(out, stencil.codeHoles());
        writeHoles(out, stencil.dataHoles());
        out.writeBoolean(stencil.fallsThrough());
        out.writeInt(stencil.functions().size());
        for (Map.Entry<String, Integer> function : stencil.functions().entrySet()) {
          out.writeUTF(function.getKey());
          out.writeInt(function.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * {@return the library decoded from the constants of a generated class}
   *
   * @param latin1Chunks the constants in order; each char of each chunk is one byte
   * @throws IllegalArgumentException if the bytes are not an encoded library
   */
  public static StencilLibrary decode(String... latin1Chunks) {
    int size = 0;
    for (String chunk : latin1Chunks) {
      size += chunk.length();
    }
    byte[] bytes = new byte[size];
    int at = 0;
    for (String chunk : latin1Chunks) {
      byte[] part = chunk.getBytes(StandardCharsets.ISO_8859_1);
      System.arraycopy(part, 0, bytes, at, part.length);
      at += part.length;
    }
    return decode(bytes);
  }

  /**
   * {@return the library decoded from its binary form}
   *
   * @param bytes what {@link #encode(StencilLibrary)} returned
   * @throws IllegalArgumentException if the bytes are not an encoded library
   */
  public static StencilLibrary decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int version = in.readInt() == MAGIC ? in.readUnsignedByte() : -1;
      if (version < 1 || version > VERSION) {
        throw new IllegalArgumentException(
            "not an encoded stencil library of version 1 to " + VERSION);
      }
      String tripleName = in.readUTF();
      // no lambda for the exception: it would spin a class in a fresh JVM, even if not called
      Optional<Triple> triple = Triple.of(tripleName);
      if (triple.isEmpty()) {
        throw new IllegalArgumentException("unknown triple " + tripleName);
      }
      int count = in.readInt();
      List<StencilGroup> stencils = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        byte[] code = readBytes(in);
        byte[] data = readBytes(in);
        List<Hole> codeHoles = readHoles(in);
        List<Hole> dataHoles = readHoles(in);
        boolean fallsThrough = version >= 2 && in.readBoolean();
        Map<String, Integer> functions = version >= 3 ? readFunctions(in) : Map.of();
        stencils.add(functions.isEmpty()
            ? new StencilGroup(name, code, data, codeHoles, dataHoles, fallsThrough)
            : new StencilGroup(name, code, data, codeHoles, dataHoles, functions));
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException("trailing bytes after the encoded stencil library");
      }
      return new StencilLibrary(triple.get(), stencils);
    } catch (EOFException e) {
      throw new IllegalArgumentException("truncated encoded stencil library", e);
    } catch (UTFDataFormatException e) {
      throw new IllegalArgumentException("malformed name in encoded stencil library", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IllegalArgumentException("bad length " + length + " in encoded stencil library");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return bytes;
  }

  private static Map<String, Integer> readFunctions(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > in.available()) {
      throw new IllegalArgumentException("bad function count " + count
          + " in encoded stencil library");
    }
    Map<String, Integer> functions = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      functions.put(in.readUTF(), in.readInt());
    }
    return functions;
  }

  private static void writeHoles(DataOutputStream out, List<Hole> holes) throws IOException {
    out.writeInt(holes.size());
    for (Hole hole : holes) {
      out.writeInt(hole.offset());
      out.writeByte(hole.kind().ordinal());
      out.writeByte(hole.value().ordinal());
      out.writeUTF(hole.name());
      out.writeLong(hole.addend());
    }
  }

  private static List<Hole> readHoles(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > in.available()) {
      throw new IllegalArgumentException("bad hole count " + count + " in encoded stencil library");
    }
    List<Hole> holes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int offset = in.readInt();
      HoleKind kind = enumAt(HoleKind.values(), in.readUnsignedByte());
      HoleValue value = enumAt(HoleValue.values(), in.readUnsignedByte());
      String name = in.readUTF();
      long addend = in.readLong();
      holes.add(new Hole(offset, kind, value, name, addend));
    }
    return holes;
  }

  private static <E> E enumAt(E[] values, int ordinal) {
    if (ordinal >= values.length) {
      throw new IllegalArgumentException("bad constant " + ordinal + " in encoded stencil library");
    }
    return values[ordinal];
  }
}

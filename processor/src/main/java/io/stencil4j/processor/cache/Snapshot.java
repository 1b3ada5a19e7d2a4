package io.stencil4j.processor.cache;

import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.StencilLibraryCodec;
import io.stencil4j.model.Triple;
import io.stencil4j.processor.diagnostic.StencilException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stencils of one interface for one triple, with digests of what they were built from, in a
 * file a project can check in: a build without clang uses it when the digests still match the
 * sources, and says what changed when they do not.
 *
 * @param library the stencils
 * @param disassembly per stencil, llvm-objdump's lines (for the C header's comments)
 * @param processorVersion the Stencil4j that built it
 * @param compilerVersion the compiler that built it ({@code --version}'s first line)
 * @param flagsDigest a digest of the compiler flags, paths left out
 * @param templateDigest a digest of the template, shim and helpers texts
 * @param inputs per stencil, what it was built from
 */
public record Snapshot(StencilLibrary library, Map<String, List<String>> disassembly,
    String processorVersion, String compilerVersion, String flagsDigest, String templateDigest,
    Map<String, Input> inputs) {

  private static final int MAGIC = 0x5334534e; // "S4SN"
  /**
   * 2: headers named by {@link SnapshotHeaders}; 1 named those outside the template's directory
   * by their paths and never checked them.
   */
  private static final int VERSION = 2;
  /**
   * No snapshot is larger: it holds the stencils of one header for one triple, kilobytes each,
   * and their disassembly. A larger file is damaged, and is not read.
   */
  private static final long MAX_BYTES = 256L << 20;

  /**
   * What one stencil was built from.
   *
   * @param unitDigest a digest of its translation unit (template and case), paths left out
   * @param dependencies the headers it read, named by {@link SnapshotHeaders}, each with the
   *     SHA-256 of its contents
   */
  public record Input(String unitDigest, Map<String, String> dependencies) {
    /**
     * Copies the map into a sorted one, so that encoding is deterministic.
     *
     * @param unitDigest a digest of its translation unit
     * @param dependencies the headers it read, with their digests
     */
    public Input {
      dependencies = new TreeMap<>(dependencies);
    }
  }

  /**
   * Copies the maps, so that a snapshot cannot change once made.
   *
   * @param library the stencils
   * @param disassembly per stencil, llvm-objdump's lines
   * @param processorVersion the Stencil4j that built it
   * @param compilerVersion the compiler that built it
   * @param flagsDigest a digest of the compiler flags
   * @param templateDigest a digest of the template, shim and helpers texts
   * @param inputs per stencil, what it was built from
   */
  public Snapshot {
    disassembly = new LinkedHashMap<>(disassembly);
    inputs = new LinkedHashMap<>(inputs);
  }

  /** {@return the sealed binary form that {@link #decode} reads} */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeByte(VERSION);
      out.writeUTF(processorVersion);
      out.writeUTF(compilerVersion);
      out.writeUTF(flagsDigest);
      out.writeUTF(templateDigest);
      out.writeInt(inputs.size());
      for (Map.Entry<String, Input> input : inputs.entrySet()) {
        out.writeUTF(input.getKey());
        out.writeUTF(input.getValue().unitDigest());
        StringFields.writeMap(out, input.getValue().dependencies());
        StringFields.writeList(out, disassembly.getOrDefault(input.getKey(), List.of()));
      }
      byte[] encoded = StencilLibraryCodec.encode(library);
      out.writeInt(encoded.length);
      out.write(encoded);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SealedFile.seal(bytes.toByteArray());
  }

  /**
   * {@return {@code DIR/HEADER-TRIPLE.snapshot}}
   *
   * @param directory the snapshot directory
   * @param header the library's header name
   * @param triple the triple
   */
  public static Path file(Path directory, String header, Triple triple) {
    return directory.resolve(header + "-" + triple.triple() + ".snapshot");
  }

  /**
   * Checks that {@code directory}, which {@code option} (as the user spells it) names, can hold
   * the snapshots of {@code header} for {@code triples}: a directory, or nothing yet, with no
   * directory where a snapshot should be, and writable when {@code writing}.
   *
   * @param option the option as the user spells it
   * @param directory the snapshot directory
   * @param header the library's header name
   * @param triples the library's triples
   * @param writing whether snapshots will be written
   * @throws StencilException if the directory cannot hold them, naming the option and the path
   */
  public static void checkOption(String option, Path directory, String header,
      List<Triple> triples, boolean writing) throws StencilException {
    OptionDirectory.check(option, directory, writing);
    for (Triple triple : triples) {
      Path file = file(directory, header, triple);
      if (Files.exists(file) && !Files.isRegularFile(file)) {
        throw StencilException.onAnnotation(option + " names " + directory + ", but its "
            + "snapshot " + file + " for " + triple.triple() + " is not a file");
      }
    }
  }

  /**
   * Reads the snapshot {@code file}: {@code NoSuchFileException} if there is none, else {@code
   * IllegalArgumentException} says why it cannot be read or is not a snapshot.
   *
   * @param file the snapshot file
   * @return the snapshot
   * @throws NoSuchFileException if there is no file
   */
  public static Snapshot read(Path file) throws NoSuchFileException {
    try {
      return decode(SealedFile.read(file, MAX_BYTES));
    } catch (NoSuchFileException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalArgumentException(IoProblems.cause(e), e);
    }
  }

  /**
   * Writes {@code bytes}, an encoded snapshot, to {@code file}, unless it holds them already; a
   * warning if the file it replaces was damaged, which nothing else would tell.
   *
   * @param file the snapshot file
   * @param bytes what {@link #encode()} returned
   * @return the warning about a damaged file replaced, if any
   * @throws IOException if the file cannot be read or written
   */
  public static Optional<String> write(Path file, byte[] bytes) throws IOException {
    Optional<String> damage = Optional.empty();
    if (Files.isRegularFile(file)) {
      try {
        byte[] old = SealedFile.read(file, MAX_BYTES);
        if (Arrays.equals(old, bytes)) {
          return Optional.empty();
        }
        decode(old);
      } catch (IllegalArgumentException e) {
        damage = Optional.of("the snapshot " + file + " was damaged (" + e.getMessage()
            + "), so it is written again");
      }
    }
    Files.write(file, bytes);
    return damage;
  }

  /**
   * Reads a snapshot; {@code IllegalArgumentException} says why {@code bytes} are not one.
   *
   * @param bytes a snapshot file's contents
   * @return the snapshot
   */
  public static Snapshot decode(byte[] bytes) {
    return SealedFile.decode(bytes, in -> {
      if (in.readInt() != MAGIC || in.readUnsignedByte() != VERSION) {
        throw new IllegalArgumentException("it is not a Stencil4j snapshot of version "
            + VERSION);
      }
      String processorVersion = in.readUTF();
      String compilerVersion = in.readUTF();
      String flagsDigest = in.readUTF();
      String templateDigest = in.readUTF();
      Map<String, Input> inputs = new LinkedHashMap<>();
      Map<String, List<String>> disassembly = new LinkedHashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        String name = in.readUTF();
        String unitDigest = in.readUTF();
        inputs.put(name, new Input(unitDigest, StringFields.readMap(in)));
        disassembly.put(name, StringFields.readList(in));
      }
      byte[] library = SealedFile.readBytes(in, bytes.length);
      return new Snapshot(StencilLibraryCodec.decode(library), disassembly, processorVersion,
          compilerVersion, flagsDigest, templateDigest, inputs);
    });
  }

  /**
   * What differs between the stencils this snapshot was built from and {@code current}, one
   * phrase each; empty when it matches.
   *
   * @param current the snapshot of the sources as they are now
   * @return the differences, for the error that says why the snapshot cannot be used
   */
  public List<String> differences(Snapshot current) {
    List<String> changes = new ArrayList<>();
    if (!processorVersion.equals(current.processorVersion)) {
      changes.add("it was built by Stencil4j " + processorVersion + ", this is "
          + current.processorVersion);
    }
    if (!flagsDigest.equals(current.flagsDigest)) {
      changes.add("the compiler flags, defines or include directories changed");
    }
    if (!templateDigest.equals(current.templateDigest)) {
      changes.add("the template, shim or helpers changed");
    }
    for (Map.Entry<String, Input> input : current.inputs.entrySet()) {
      Input old = inputs.get(input.getKey());
      if (old == null) {
        changes.add("case " + input.getKey() + " is new");
      } else if (!old.unitDigest().equals(input.getValue().unitDigest())
          && templateDigest.equals(current.templateDigest)) {
        changes.add("case " + input.getKey() + " changed");
      }
    }
    for (String name : inputs.keySet()) {
      if (!current.inputs.containsKey(name)) {
        changes.add("case " + name + " was removed");
      }
    }
    return changes;
  }
}

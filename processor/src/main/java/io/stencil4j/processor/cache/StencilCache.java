package io.stencil4j.processor.cache;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.StencilLibraryCodec;
import io.stencil4j.model.Triple;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Built stencils by content: the key is a digest of everything known before compiling (the
 * translation unit, flags, triple, the compiler's and Stencil4j's versions); the entry also
 * records the headers the compiler read, which must still hold the same contents. Entries are
 * written atomically (a temporary file renamed into place), so builds sharing a cache never see
 * half an entry; a corrupt or truncated entry fails its checksum and is rebuilt.
 */
public final class StencilCache {
  private static final int MAGIC = 0x53344343; // "S4CC"
  /** 2: with the compiler's warnings. */
  private static final int VERSION = 2;
  private static final int CHECKSUM_LENGTH = 32;

  private final Path directory;
  /** Header digests already computed: thousands of stencils share a few headers. */
  private final Map<Path, String> headerDigests = new java.util.concurrent.ConcurrentHashMap<>();

  public StencilCache(Path directory) {
    this.directory = directory;
  }

  /** The cache in {@code $XDG_CACHE_HOME/stencil4j}, else {@code ~/.cache/stencil4j}. */
  public static Path defaultDirectory(Map<String, String> environment) {
    String xdg = environment.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("stencil4j");
  }

  public Path directory() {
    return directory;
  }

  /** The key of a stencil built from {@code parts} (a translation unit, flags, versions...). */
  public static String key(List<String> parts) {
    MessageDigest sha = sha256();
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) ':');
      sha.update(bytes);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The SHA-256 of a file's contents, hex. */
  public static String contentDigest(Path file) throws IOException {
    return HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(file)));
  }

  /**
   * The stencil stored under {@code key}, if there is one whose headers still hold what they
   * held when it was built. A damaged entry is deleted and counts as missing.
   */
  public Optional<CachedStencil> find(String key, Triple triple) throws IOException {
    Path file = entry(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    Optional<CachedStencil> cached = decode(bytes, triple);
    if (cached.isEmpty()) {
      Files.deleteIfExists(file);
      return Optional.empty();
    }
    for (Map.Entry<String, String> dependency : cached.get().dependencies().entrySet()) {
      Optional<String> digest = headerDigest(Path.of(dependency.getKey()));
      if (digest.isEmpty() || !digest.get().equals(dependency.getValue())) {
        return Optional.empty();
      }
    }
    return cached;
  }

  /** The digest of a header's contents as it is now, computed once per cache instance. */
  private Optional<String> headerDigest(Path header) throws IOException {
    String known = headerDigests.get(header);
    if (known != null) {
      return Optional.of(known);
    }
    if (!Files.isRegularFile(header)) {
      return Optional.empty();
    }
    String digest = contentDigest(header);
    headerDigests.put(header, digest);
    return Optional.of(digest);
  }

  /** Stores {@code stencil} under {@code key}, replacing any entry atomically. */
  public void store(String key, Triple triple, CachedStencil stencil) throws IOException {
    Path file = entry(key);
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), "entry-", ".tmp");
    try {
      Files.write(temporary, encode(triple, stencil));
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private Path entry(String key) {
    return directory.resolve(key.substring(0, 2)).resolve(key + ".stencil");
  }

  private static byte[] encode(Triple triple, CachedStencil cached) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeByte(VERSION);
      byte[] library = StencilLibraryCodec.encode(
          new StencilLibrary(triple, List.of(cached.stencil())));
      out.writeInt(library.length);
      out.write(library);
      out.writeInt(cached.disassembly().size());
      for (String line : cached.disassembly()) {
        out.writeUTF(line);
      }
      Map<String, String> sorted = new TreeMap<>(cached.dependencies());
      out.writeInt(sorted.size());
      for (Map.Entry<String, String> dependency : sorted.entrySet()) {
        out.writeUTF(dependency.getKey());
        out.writeUTF(dependency.getValue());
      }
      out.writeInt(cached.warnings().size());
      for (String warning : cached.warnings()) {
        out.writeUTF(warning);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] payload = bytes.toByteArray();
    byte[] withChecksum = Arrays.copyOf(payload, payload.length + CHECKSUM_LENGTH);
    System.arraycopy(sha256().digest(payload), 0, withChecksum, payload.length, CHECKSUM_LENGTH);
    return withChecksum;
  }

  /** The entry, or empty if it is damaged (its checksum or structure is wrong). */
  private static Optional<CachedStencil> decode(byte[] bytes, Triple triple) {
    if (bytes.length < CHECKSUM_LENGTH) {
      return Optional.empty();
    }
    byte[] payload = Arrays.copyOf(bytes, bytes.length - CHECKSUM_LENGTH);
    byte[] checksum = Arrays.copyOfRange(bytes, payload.length, bytes.length);
    if (!MessageDigest.isEqual(sha256().digest(payload), checksum)) {
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      if (in.readInt() != MAGIC || in.readUnsignedByte() != VERSION) {
        return Optional.empty();
      }
      byte[] library = new byte[in.readInt()];
      in.readFully(library);
      StencilLibrary decoded = StencilLibraryCodec.decode(library);
      if (decoded.triple() != triple || decoded.stencils().size() != 1) {
        return Optional.empty();
      }
      StencilGroup stencil = decoded.stencils().get(0);
      List<String> disassembly = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        disassembly.add(in.readUTF());
      }
      Map<String, String> dependencies = new LinkedHashMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        dependencies.put(in.readUTF(), in.readUTF());
      }
      List<String> warnings = new ArrayList<>();
      for (int i = in.readInt(); i > 0; i--) {
        warnings.add(in.readUTF());
      }
      return Optional.of(new CachedStencil(stencil, disassembly, dependencies, warnings));
    } catch (IOException | IllegalArgumentException | NegativeArraySizeException e) {
      // a well-formed checksum over a payload of another version's shape: rebuild it
      return Optional.empty();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

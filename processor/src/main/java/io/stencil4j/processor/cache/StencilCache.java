package io.stencil4j.processor.cache;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.StencilLibraryCodec;
import io.stencil4j.model.Triple;
import io.stencil4j.processor.diagnostic.StencilException;
import java.io.ByteArrayOutputStream;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Built stencils by content: the key is a digest of everything known before compiling (the
 * translation unit, flags, triple, the compiler's and Stencil4j's versions); the entry also
 * records the headers the compiler read, which must still hold the same contents. Entries are
 * written atomically (a temporary file renamed into place), so builds sharing a cache never see
 * half an entry. A cache is only ever a shortcut: an entry that is damaged or cannot be read is
 * compiled again, a cache that cannot be written is not written, and {@link #warning()} says so.
 */
public final class StencilCache {
  private static final int MAGIC = 0x53344343; // "S4CC"
  /** 2: with the compiler's warnings. */
  private static final int VERSION = 2;
  /**
   * No entry is larger: it holds one stencil (kilobytes), its disassembly and the compiler's
   * warnings about it (at most 64 KiB of output). A larger file is damaged, and is not read.
   */
  private static final long MAX_ENTRY_BYTES = 64L << 20;

  private final Path directory;
  /** Header digests already computed: thousands of stencils share a few headers. */
  private final Map<Path, String> headerDigests = new ConcurrentHashMap<>();
  /** What went wrong with this cache, each a sentence for the user. */
  private final List<String> problems = new CopyOnWriteArrayList<>();
  /** False once a store failed: the cache is read-only or full, and is not tried again. */
  private volatile boolean writable = true;

  /**
   * A cache in {@code directory}, which is created when the first entry is stored.
   *
   * @param directory the cache directory
   */
  public StencilCache(Path directory) {
    this.directory = directory;
  }

  /**
   * The cache an option names: none for {@code none}, the user's default one for {@code null};
   * {@code option} is the option as the user spells it ({@code -Astencil.cache}, {@code
   * --cache}), for the error a file in the way of the directory is.
   *
   * @param option the option as the user spells it
   * @param value its value: a directory, {@code none}, or null when not given
   * @param environment where {@code XDG_CACHE_HOME} is looked up
   * @return the cache, or empty for {@code none}
   * @throws StencilException if a file is in the way of the directory the option names
   */
  public static Optional<StencilCache> forOption(String option, String value,
      Map<String, String> environment) throws StencilException {
    if ("none".equals(value)) {
      return Optional.empty();
    }
    if (value == null) {
      // not asked for: whatever is wrong with it is a warning
      return Optional.of(new StencilCache(defaultDirectory(environment)));
    }
    OptionDirectory.check(option, Path.of(value), false);
    return Optional.of(new StencilCache(Path.of(value)));
  }

  /**
   * {@return the cache in {@code $XDG_CACHE_HOME/stencil4j}, else {@code ~/.cache/stencil4j}}
   *
   * @param environment where {@code XDG_CACHE_HOME} is looked up
   */
  public static Path defaultDirectory(Map<String, String> environment) {
    String xdg = environment.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("stencil4j");
  }

  /**
   * {@return the key of a stencil built from {@code parts} (a translation unit, flags,
   * versions...)}
   *
   * @param parts the parts, each length-prefixed in the digest so that no two lists give one key
   */
  public static String key(List<String> parts) {
    MessageDigest sha = SealedFile.sha256();
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) ':');
      sha.update(bytes);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * {@return the SHA-256 of a file's contents, hex}
   *
   * @param file the file
   * @throws IOException if it cannot be read
   */
  public static String contentDigest(Path file) throws IOException {
    return HexFormat.of().formatHex(SealedFile.sha256().digest(Files.readAllBytes(file)));
  }

  /**
   * {@return the stencil stored under {@code key}, made {@code local} to this checkout, if there is
   * one whose headers still hold what they held when it was built} An entry that is damaged
   * (deleted) or cannot be read counts as missing, with a {@link #warning()}.
   *
   * @param key a key from {@link InputDigest}
   * @param triple the triple the entry must hold a stencil for
   * @param local turns the stored entry's paths into this checkout's
   */
  public Optional<CachedStencil> find(String key, Triple triple,
      UnaryOperator<CachedStencil> local) {
    Path file = entry(key);
    // missing, also where a file stands in place of its directory: JDK 17 reads that as "not a
    // directory" where later JDKs say "no such file"
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    CachedStencil cached;
    try {
      cached = local.apply(decode(SealedFile.read(file, MAX_ENTRY_BYTES), triple));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      problems.add("the stencil cache entry " + file + " cannot be read ("
          + IoProblems.cause(e) + "), so its stencils are compiled again");
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      problems.add("the stencil cache entry " + file + " is damaged (" + e.getMessage()
          + "), so its stencils are compiled again");
      try {
        Files.deleteIfExists(file);
      } catch (IOException notDeleted) {
        // storing the stencil built again replaces it, or says why it cannot
      }
      return Optional.empty();
    }
    for (Map.Entry<String, String> dependency : cached.dependencies().entrySet()) {
      Optional<String> digest = headerDigest(Path.of(dependency.getKey()));
      if (digest.isEmpty() || !digest.get().equals(dependency.getValue())) {
        return Optional.empty();
      }
    }
    return Optional.of(cached);
  }

  /**
   * The digest of a header's contents as it is now, computed once per cache instance; empty if
   * it cannot be read (the compiler then says why).
   */
  private Optional<String> headerDigest(Path header) {
    String known = headerDigests.get(header);
    if (known != null) {
      return Optional.of(known);
    }
    try {
      String digest = contentDigest(header);
      headerDigests.put(header, digest);
      return Optional.of(digest);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Stores {@code stencil} under {@code key}, replacing any entry atomically; if the cache
   * cannot be written, nothing more is stored in it, with a {@link #warning()}.
   *
   * @param key a key from {@link InputDigest}
   * @param triple the stencil's triple
   * @param stencil the entry, with portable paths
   */
  public void store(String key, Triple triple, CachedStencil stencil) {
    if (!writable) {
      return;
    }
    Path file = entry(key);
    try {
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
    } catch (IOException e) {
      writable = false;
      problems.add("the stencil cache " + directory + " cannot be written ("
          + IoProblems.cause(e) + "), so the stencils built are not kept for the next build");
    }
  }

  /**
   * {@return one warning for everything that went wrong with the cache so far: the first problem,
   * and how many more there were}
   */
  public Optional<String> warning() {
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    int more = problems.size() - 1;
    return Optional.of(problems.get(0) + (more == 0 ? "" : " (and " + more + " more problem"
        + (more == 1 ? "" : "s") + " with the cache)"));
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
      StringFields.writeList(out, cached.disassembly());
      StringFields.writeMap(out, cached.dependencies());
      StringFields.writeList(out, cached.warnings());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SealedFile.seal(bytes.toByteArray());
  }

  /** The entry; {@code IllegalArgumentException} says why {@code bytes} are not one. */
  private static CachedStencil decode(byte[] bytes, Triple triple) {
    return SealedFile.decode(bytes, in -> {
      if (in.readInt() != MAGIC || in.readUnsignedByte() != VERSION) {
        throw new IllegalArgumentException("it is not a Stencil4j cache entry of version "
            + VERSION);
      }
      StencilLibrary decoded = StencilLibraryCodec.decode(SealedFile.readBytes(in,
          bytes.length));
      if (decoded.triple() != triple || decoded.stencils().size() != 1) {
        throw new IllegalArgumentException("it holds " + decoded.stencils().size()
            + " stencils for " + decoded.triple().triple() + ", not one for " + triple.triple());
      }
      StencilGroup stencil = decoded.stencils().get(0);
      List<String> disassembly = StringFields.readList(in);
      Map<String, String> dependencies = StringFields.readMap(in);
      return new CachedStencil(stencil, disassembly, dependencies, StringFields.readList(in));
    });
  }
}

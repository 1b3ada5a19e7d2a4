package io.stencil4j.processor.cache;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import io.stencil4j.processor.compile.Compilers;
import io.stencil4j.processor.compile.SystemIncludes;
import io.stencil4j.processor.compile.Toolchain;
import io.stencil4j.processor.diagnostic.StencilException;
import io.stencil4j.processor.spec.LibrarySpec;
import io.stencil4j.processor.spec.SourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A library's snapshots in a directory: written after every build with a compiler, read and
 * checked against the sources by a build without one.
 */
public final class SnapshotStore {
  private final Path directory;
  private final LibrarySpec spec;
  private final SourceSet sources;
  private final InputDigest digest;
  private final Compilers compilers;
  private final String processorVersion;

  /**
   * The snapshots of {@code spec} in {@code directory}.
   *
   * @param directory where the snapshot files are
   * @param spec the library
   * @param sources its source files, as read for this build
   * @param digest the digests of its units and flags
   * @param compilers the compilers, whose versions and flags snapshots record
   * @param processorVersion Stencil4j's version, which snapshots record
   */
  public SnapshotStore(Path directory, LibrarySpec spec, SourceSet sources, InputDigest digest,
      Compilers compilers, String processorVersion) {
    this.directory = directory;
    this.spec = spec;
    this.sources = sources;
    this.digest = digest;
    this.compilers = compilers;
    this.processorVersion = processorVersion;
  }

  /**
   * Writes the snapshots of the stencils {@code built} (per triple, by name), leaving files whose
   * contents would not change; returns a warning for each damaged one it replaced.
   *
   * @param built per triple, the stencils by name
   * @return a warning for each damaged file replaced
   * @throws IOException if a snapshot cannot be written
   * @throws StencilException if the compiler cannot say where its own headers are
   */
  public List<String> write(Map<Triple, Map<String, CachedStencil>> built)
      throws IOException, StencilException {
    Files.createDirectories(directory);
    List<String> damaged = new ArrayList<>();
    for (Triple triple : spec.triples()) {
      Toolchain toolchain = compilers.of(triple);
      byte[] bytes = snapshot(triple, toolchain.version(), SystemIncludes.of(toolchain, triple),
          built.get(triple)).encode();
      Snapshot.write(Snapshot.file(directory, spec.header(), triple), bytes)
          .ifPresent(damaged::add);
    }
    return damaged;
  }

  /**
   * Each triple's snapshot, for a build without a compiler: each must match the sources as they
   * are now, or the build fails naming what changed.
   *
   * @param noCompiler why there is no compiler, for the message
   * @return each triple's snapshot
   * @throws StencilException if one is missing, unreadable or does not match, naming the file and
   *     what changed
   */
  public Map<Triple, Snapshot> read(String noCompiler) throws StencilException {
    Map<Triple, Snapshot> snapshots = new LinkedHashMap<>();
    for (Triple triple : spec.triples()) {
      Path file = Snapshot.file(directory, spec.header(), triple);
      Snapshot snapshot;
      try {
        snapshot = Snapshot.read(file);
      } catch (NoSuchFileException e) {
        throw StencilException.onAnnotation(noCompiler + "; and there is no snapshot " + file
            + " to build from: build once with a compiler and -Astencil.snapshot to write it");
      } catch (IllegalArgumentException e) {
        throw StencilException.onAnnotation(noCompiler + "; and the snapshot " + file
            + " for " + triple.triple() + " cannot be read: " + e.getMessage());
      }
      Snapshot current = snapshot(triple, snapshot.compilerVersion(), List.of(),
          stencilsOrPlaceholders(stencils(snapshot)));
      List<String> changes = new ArrayList<>(snapshot.differences(current));
      changes.addAll(changedHeaders(snapshot));
      if (!changes.isEmpty()) {
        throw StencilException.onAnnotation(noCompiler + "; and the snapshot " + file
            + " does not match the sources: " + String.join(", ", changes) + ". Install "
            + "clang-" + Toolchain.MIN_MAJOR + " (apt-get install clang-" + Toolchain.MIN_MAJOR
            + ") to build the stencils and the snapshot again");
      }
      snapshots.put(triple, snapshot);
    }
    return snapshots;
  }

  /**
   * The files a build from {@code snapshots} (as {@link #read} returned them) was made of, each
   * with the SHA-256 of its contents: the snapshot files, and the headers they record but the
   * compiler's own.
   *
   * @param snapshots the snapshots {@link #read} returned, by triple
   * @return each file's SHA-256, by path
   * @throws StencilException if a snapshot file cannot be read again
   */
  public Map<Path, String> inputs(Map<Triple, Snapshot> snapshots) throws StencilException {
    Map<Path, String> inputs = new LinkedHashMap<>();
    SnapshotHeaders headers = headers();
    for (Map.Entry<Triple, Snapshot> snapshot : snapshots.entrySet()) {
      Path file = Snapshot.file(directory, spec.header(), snapshot.getKey());
      try {
        inputs.put(file, StencilCache.contentDigest(file));
      } catch (IOException e) {
        throw StencilException.onAnnotation("cannot read the snapshot " + file + " again: " + e);
      }
      snapshot.getValue().inputs().values().forEach(input -> input.dependencies().forEach(
          (header, sha) -> headers.file(header).ifPresent(path -> inputs.put(path, sha))));
    }
    return inputs;
  }

  /**
   * {@return the stencils of the library that {@code snapshot} holds, by name}
   *
   * @param snapshot a snapshot {@link #read} returned
   */
  public Map<String, CachedStencil> stencils(Snapshot snapshot) {
    Map<String, CachedStencil> stencils = new LinkedHashMap<>();
    for (String name : sources.names()) {
      Snapshot.Input input = snapshot.inputs().get(name);
      if (input != null && snapshot.library().stencils().stream()
          .anyMatch(g -> g.name().equals(name))) {
        stencils.put(name, new CachedStencil(snapshot.library().stencil(name),
            snapshot.disassembly().getOrDefault(name, List.of()), input.dependencies(),
            List.of()));
      }
    }
    return stencils;
  }

  /**
   * The snapshot of {@code triple}'s stencils, with digests of what they were built from;
   * {@code compilerDirectories} holds the compiler's own headers (none for stencils from a
   * snapshot, whose headers are named already).
   */
  private Snapshot snapshot(Triple triple, String compilerVersion,
      List<Path> compilerDirectories, Map<String, CachedStencil> stencils) {
    Map<String, Snapshot.Input> inputs = new LinkedHashMap<>();
    Map<String, List<String>> disassembly = new LinkedHashMap<>();
    List<StencilGroup> groups = new ArrayList<>();
    SnapshotHeaders headers = headers();
    for (String name : sources.names()) {
      CachedStencil stencil = stencils.get(name);
      Map<String, String> dependencies = new TreeMap<>();
      for (Map.Entry<String, String> header : stencil.dependencies().entrySet()) {
        dependencies.put(headers.name(Path.of(header.getKey()), compilerDirectories),
            header.getValue());
      }
      inputs.put(name, new Snapshot.Input(digest.unit(name), dependencies));
      disassembly.put(name, stencil.disassembly());
      groups.add(stencil.stencil());
    }
    return new Snapshot(new StencilLibrary(triple, groups), disassembly, processorVersion,
        compilerVersion, digest.flags(compilers.flags(spec, triple)),
        StencilCache.key(List.of(sources.templateText())), inputs);
  }

  private SnapshotHeaders headers() {
    return new SnapshotHeaders(spec.template().getParent(), spec.includes());
  }

  /** The stencils found, and an empty stand-in for each missing one (to compare digests). */
  private Map<String, CachedStencil> stencilsOrPlaceholders(Map<String, CachedStencil> found) {
    Map<String, CachedStencil> all = new LinkedHashMap<>();
    for (String name : sources.names()) {
      all.put(name, found.getOrDefault(name, new CachedStencil(
          new StencilGroup(name, new byte[0], new byte[0], List.of(), List.of()), List.of(),
          Map.of(), List.of())));
    }
    return all;
  }

  /**
   * The headers whose contents differ from the snapshot's: every header the stencils read but
   * the compiler's own, which belong to the compiler that is missing.
   */
  private List<String> changedHeaders(Snapshot snapshot) {
    Map<String, String> recorded = new TreeMap<>();
    snapshot.inputs().values().forEach(i -> recorded.putAll(i.dependencies()));
    List<String> changes = new ArrayList<>();
    SnapshotHeaders headers = headers();
    for (Map.Entry<String, String> header : recorded.entrySet()) {
      Optional<Path> file = headers.file(header.getKey());
      if (file.isEmpty()) {
        continue;
      }
      // the template's own headers as the snapshot names them, others where they are now
      String shown = header.getKey().startsWith("<") ? file.get().toString() : header.getKey();
      try {
        if (!Files.isRegularFile(file.get())) {
          changes.add("header " + shown + " is missing");
        } else if (!StencilCache.contentDigest(file.get()).equals(header.getValue())) {
          changes.add("header " + shown + " changed");
        }
      } catch (IOException e) {
        changes.add("header " + shown + " cannot be read (" + e.getMessage() + ")");
      }
    }
    return changes;
  }
}

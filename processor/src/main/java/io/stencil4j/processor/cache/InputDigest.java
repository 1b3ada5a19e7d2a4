package io.stencil4j.processor.cache;

import io.stencil4j.model.Triple;
import io.stencil4j.processor.spec.LibrarySpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Digests of what stencils are built from, never a path: a stencil's cache key, and the digest
 * of a whole library that its headers and snapshots record.
 */
public final class InputDigest {
  private static final String TEMPLATE_DIRECTORY = "<template directory>";
  private static final String INCLUDE = "<include ";

  private final LibrarySpec spec;
  private final String processorVersion;
  private final Map<String, String> normalizedUnits = new LinkedHashMap<>();

  /**
   * Digests for the library {@code spec}.
   *
   * @param unitTexts the text of every stencil's unit for a compile of its own, by name, in the
   *     order of the stencils
   * @param spec the library
   * @param processorVersion Stencil4j's version and code digest, part of every key
   */
  public InputDigest(LibrarySpec spec, String processorVersion, Map<String, String> unitTexts) {
    this.spec = spec;
    this.processorVersion = processorVersion;
    unitTexts.forEach((name, text) -> normalizedUnits.put(name, normalized(text)));
  }

  /**
   * The cache key of the stencil {@code name} compiled from {@code unitText} (its unit, which
   * may be a batch) for {@code triple} with {@code flags}.
   *
   * @param compilerVersion the first line of the compiler's {@code --version}
   * @param triple the triple compiled for
   * @param flags the compiler's flags; paths in them are replaced by their role
   * @param unitText the unit's text; paths in it are replaced by their role
   * @param name the stencil
   * @return the key, the same for this project at any path
   */
  public String stencil(String compilerVersion, Triple triple, List<String> flags,
      String unitText, String name) {
    return StencilCache.key(List.of("stencil4j " + processorVersion, compilerVersion,
        triple.triple(), normalized(String.join("\u0000", flags)), normalized(unitText), name));
  }

  /**
   * {@return {@code stencil} as the cache keeps it: the headers it read and its warnings name the
   * project's directories by role, so that a checkout elsewhere finds it (see {@link #local})}
   *
   * @param stencil as built, with this checkout's paths
   */
  public CachedStencil portable(CachedStencil stencil) {
    Map<String, String> dependencies = new LinkedHashMap<>();
    stencil.dependencies().forEach((header, digest) -> dependencies.put(portable(header), digest));
    return new CachedStencil(stencil.stencil(), stencil.disassembly(), dependencies,
        stencil.warnings().stream().map(this::portable).toList());
  }

  /**
   * {@return a stencil from the cache with this checkout's directories in its headers and warnings}
   *
   * @param stencil as the cache stored it
   */
  public CachedStencil local(CachedStencil stencil) {
    Map<String, String> dependencies = new LinkedHashMap<>();
    stencil.dependencies().forEach((header, digest) -> dependencies.put(local(header), digest));
    return new CachedStencil(stencil.stencil(), stencil.disassembly(), dependencies,
        stencil.warnings().stream().map(this::local).toList());
  }

  /**
   * A digest of what the library's output depends on: the translation units, flags, the headers
   * they include (by content), the compilers' and Stencil4j's versions.
   *
   * @param compilerVersions the version of each triple's compiler
   * @param flags each triple's flags
   * @param built each triple's stencils, by name
   * @param sources the digest of the library's source files
   * @param batching whether the cases were compiled in batches, which changes the objects
   * @return the digest, the same for this project at any path
   */
  public String library(String sources, boolean batching, Map<Triple, String> compilerVersions,
      Map<Triple, List<String>> flags, Map<Triple, Map<String, CachedStencil>> built) {
    List<String> parts = new ArrayList<>();
    parts.add("stencil4j " + processorVersion);
    parts.add(spec.header());
    parts.add(sources);
    parts.add(batching ? "batched" : "alone");
    for (Map.Entry<Triple, String> entry : compilerVersions.entrySet()) {
      Triple triple = entry.getKey();
      parts.add(triple.triple());
      parts.add(entry.getValue());
      parts.add(normalized(String.join(" ", flags.get(triple))));
      normalizedUnits.forEach((name, unit) -> {
        parts.add(unit);
        // by name and contents, sorted so the checkout's path does not matter
        built.get(triple).get(name).dependencies().entrySet().stream()
            .map(h -> Path.of(h.getKey()).getFileName() + " " + h.getValue()).sorted()
            .forEach(parts::add);
      });
    }
    return StencilCache.key(parts);
  }

  /**
   * {@return the digest of the stencil {@code name}'s own unit, as a snapshot records it}
   *
   * @param name the stencil
   */
  public String unit(String name) {
    return StencilCache.key(List.of(normalizedUnits.get(name)));
  }

  /**
   * {@return the digest of {@code flags}, as a snapshot records them}
   *
   * @param flags the compiler's flags for one triple
   */
  public String flags(List<String> flags) {
    return StencilCache.key(List.of(normalized(String.join(" ", flags))));
  }

  /** {@code text} without the paths that differ between checkouts. */
  private String normalized(String text) {
    return portable(text.replaceAll("(?m)^#line (\\d+) \".*\"$", "#line $1"));
  }

  /** {@code text} with the project's directories named by their role. */
  private String portable(String text) {
    String portable = text;
    for (int i = 0; i < spec.includes().size(); i++) {
      portable = portable.replace(spec.includes().get(i).toString(), INCLUDE + i + ">");
    }
    return portable.replace(spec.template().getParent().toString(), TEMPLATE_DIRECTORY);
  }

  /** {@code text} from {@link #portable(String)} with this checkout's directories. */
  private String local(String text) {
    String local = text.replace(TEMPLATE_DIRECTORY, spec.template().getParent().toString());
    for (int i = spec.includes().size() - 1; i >= 0; i--) {
      local = local.replace(INCLUDE + i + ">", spec.includes().get(i).toString());
    }
    return local;
  }
}

package io.stencil4j.processor.build;

import io.stencil4j.model.StencilLibrary;
import io.stencil4j.processor.cache.OptionDirectory;
import io.stencil4j.processor.cache.Snapshot;
import io.stencil4j.processor.cache.StencilCache;
import io.stencil4j.processor.compile.Compilers;
import io.stencil4j.processor.compile.Toolchain;
import io.stencil4j.processor.diagnostic.StencilException;
import io.stencil4j.processor.spec.EmitterMethod;
import io.stencil4j.processor.spec.LibrarySpec;
import io.stencil4j.processor.spec.SourceSet;
import io.stencil4j.processor.spec.TemplateNames;
import io.stencil4j.processor.spec.VariantCase;
import io.stencil4j.processor.stencil.EmitterBinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline from a library's spec to its stencils, the same for javac and the command line:
 * checks the options, reads the sources, builds with the compilers or from the snapshots.
 */
public final class StencilBuild {
  private final Map<String, String> compilerOptions;
  private final Map<String, String> environment;
  private Toolchain clang;

  /**
   * A build for javac or the command line; clang is looked up once, when the first library needs
   * it.
   *
   * @param compilerOptions the compilers' options, by javac's names ({@link
   *     Toolchain#CLANG_OPTION}, {@link Toolchain#GCC_OPTION}, {@link Toolchain#TIMEOUT_OPTION})
   * @param environment where compilers and the user's cache directory are looked up
   */
  public StencilBuild(Map<String, String> compilerOptions, Map<String, String> environment) {
    this.compilerOptions = compilerOptions;
    this.environment = environment;
  }

  /**
   * Builds the stencils of {@code spec}, once every emitter is known to name one of them: with
   * the compilers, or, when clang is missing, from the snapshots.
   *
   * @param spec the library: its files, triples and options
   * @param emitters the interface's emitter methods (none for the command line)
   * @param options where objects, the cache and snapshots go
   * @return the stencils of every triple, and the notes for the user
   * @throws StencilException if a file, case, compile or object is bad, naming which
   */
  public BuiltLibrary build(LibrarySpec spec, List<EmitterMethod> emitters, BuildOptions options)
      throws StencilException {
    Optional<Toolchain> clang = Optional.empty();
    String noCompiler = null;
    try {
      clang = Optional.of(clang());
    } catch (StencilException e) {
      if (options.snapshots().isEmpty()) {
        throw e;
      }
      noCompiler = e.getMessage();
    }
    if (options.keptObjects().isPresent()) {
      OptionDirectory.check(options.keptObjects().get().option(),
          options.keptObjects().get().path(), true);
    }
    if (options.snapshots().isPresent()) {
      Snapshot.checkOption(options.snapshots().get().option(), options.snapshots().get().path(),
          spec.header(), spec.triples(), clang.isPresent());
    }
    Compilers compilers = new Compilers(clang, Toolchain.gcc(compilerOptions, environment));
    Optional<StencilCache> cache = StencilCache.forOption(options.cacheOption(),
        options.cache().orElse(null), environment);
    SourceSet sources = SourceSet.read(spec);
    // the helpers are placed once, never appended: no emitter may name them
    EmitterBinding.checkCases(emitters, sources.names().stream()
        .filter(name -> sources.helpers().isEmpty() || !name.equals(SourceSet.HELPERS)).toList(),
        sources.variants());
    LibraryBuilder builder = new LibraryBuilder(compilers,
        options.keptObjects().map(BuildOptions.Directory::path), !options.isolated(), cache,
        options.snapshots().map(BuildOptions.Directory::path), options.version());
    BuiltLibrary built = clang.isPresent() ? builder.build(spec, sources)
        : builder.fromSnapshots(spec, sources, noCompiler);
    checkVariantHoles(built);
    return built;
  }

  /**
   * A variant parameter and a hole of the same name would be two parameters of one name, of the
   * emitter method in Java and of the emit function in C.
   */
  private static void checkVariantHoles(BuiltLibrary built) throws StencilException {
    for (VariantCase variant : built.variants()) {
      for (StencilLibrary library : built.libraries().values()) {
        for (String stencil : variant.stencilNames()) {
          if (library.stencil(stencil).parameters().contains(variant.parameter())) {
            throw StencilException.at("cases", variant.file() + ":" + variant.line() + ": case "
                + variant.name() + ": the variant parameter " + variant.parameter() + " has the "
                + "name of the hole " + TemplateNames.PREFIX + variant.parameter() + ", which "
                + "stencil " + stencil + " uses on " + library.triple() + ": rename one");
          }
        }
      }
    }
  }

  /** clang, found once for every library built (finding it runs it). */
  private Toolchain clang() throws StencilException {
    if (clang == null) {
      clang = Toolchain.find(compilerOptions, environment);
    }
    return clang;
  }
}

package io.stencil4j.processor.build;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import io.stencil4j.processor.cache.CachedStencil;
import io.stencil4j.processor.cache.InputDigest;
import io.stencil4j.processor.cache.Snapshot;
import io.stencil4j.processor.cache.SnapshotStore;
import io.stencil4j.processor.cache.StencilCache;
import io.stencil4j.processor.compile.BatchCompiler;
import io.stencil4j.processor.compile.BatchPlanner;
import io.stencil4j.processor.compile.CompileFlags;
import io.stencil4j.processor.compile.CompileJob;
import io.stencil4j.processor.compile.CompiledObject;
import io.stencil4j.processor.compile.CompilerDiagnostics;
import io.stencil4j.processor.compile.Compilers;
import io.stencil4j.processor.compile.Disassembler;
import io.stencil4j.processor.compile.KeptObjects;
import io.stencil4j.processor.compile.StencilCompiler;
import io.stencil4j.processor.compile.Toolchain;
import io.stencil4j.processor.compile.TranslationUnit;
import io.stencil4j.processor.diagnostic.StencilException;
import io.stencil4j.processor.spec.LibrarySpec;
import io.stencil4j.processor.spec.SourceSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the stencils of one library: takes whole units from the cache, compiles the others,
 * reads their objects into stencils and stores them, writes the snapshots; or, without a
 * compiler, takes every stencil from the snapshots.
 */
final class LibraryBuilder {
  private final Compilers compilers;
  private final Optional<Path> keptObjects;
  private final boolean batching;
  private final Optional<StencilCache> cache;
  private final Optional<Path> snapshots;
  private final String processorVersion;

  /**
   * @param keptObjects when present, where to keep the object files ({@code TRIPLE/NAME.o})
   * @param batching whether to compile cases in batches (else each alone)
   * @param cache where built stencils are kept between builds, if anywhere
   * @param snapshots where the snapshots of the stencils built are, if anywhere
   */
  LibraryBuilder(Compilers compilers, Optional<Path> keptObjects, boolean batching,
      Optional<StencilCache> cache, Optional<Path> snapshots, String processorVersion) {
    this.compilers = compilers;
    this.keptObjects = keptObjects;
    this.batching = batching;
    this.cache = cache;
    this.snapshots = snapshots;
    this.processorVersion = processorVersion;
  }

  /**
   * What must be compiled after the cache was asked: per triple, the stencils found so far and
   * every stencil's cache key, by name; the jobs that build the others.
   */
  private record Plan(Map<Triple, Map<String, CachedStencil>> built,
      Map<Triple, Map<String, String>> keys, List<CompileJob> jobs) {}

  /** Builds the stencils of {@code spec} from {@code sources} with the compilers. */
  BuiltLibrary build(LibrarySpec spec, SourceSet sources) throws StencilException {
    CompileFlags.check(spec);
    BatchPlanner planner = new BatchPlanner(sources);
    InputDigest digest = new InputDigest(spec, processorVersion, planner.aloneTexts());
    Map<Triple, List<String>> flags = flags(spec);
    List<String> notes = new ArrayList<>();
    try (StencilCompiler compiler = new StencilCompiler()) {
      Plan plan = lookUp(spec, planner.units(batching), flags, digest);
      int cached = plan.built().values().stream().mapToInt(Map::size).sum();
      List<CompiledObject> objects =
          new BatchCompiler(compiler, planner, sources.members()).compile(plan.jobs(), notes);
      if (keptObjects.isPresent()) {
        KeptObjects.write(objects, keptObjects.get());
      }
      store(spec, sources, objects, plan, digest);
      Map<Triple, StencilLibrary> libraries = new LinkedHashMap<>();
      Map<Triple, Map<String, List<String>>> disassembly = new LinkedHashMap<>();
      CompilerWarnings warnings = new CompilerWarnings();
      for (Triple triple : spec.triples()) {
        List<StencilGroup> stencils = new ArrayList<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        String compilerName = compilers.of(triple).kind().name().toLowerCase(Locale.ROOT);
        for (String name : sources.names()) {
          CachedStencil stencil = plan.built().get(triple).get(name);
          stencils.add(stencil.stencil());
          lines.put(name, stencil.disassembly());
          warnings.add(sources.member(name), name, compilerName, triple, stencil.warnings());
        }
        libraries.put(triple, new StencilLibrary(triple, stencils));
        disassembly.put(triple, lines);
      }
      Map<Triple, String> versions = new LinkedHashMap<>();
      spec.triples().forEach(triple -> versions.put(triple, compilers.of(triple).version()));
      // a damaged cache or snapshot is worth a warning, not an error: the build is complete
      List<BuiltLibrary.Warning> allWarnings = new ArrayList<>(warnings.warnings());
      cache.flatMap(StencilCache::warning)
          .ifPresent(w -> allWarnings.add(new BuiltLibrary.Warning("", w)));
      if (snapshots.isPresent()) {
        new SnapshotStore(snapshots.get(), spec, sources, digest, compilers, processorVersion)
            .write(plan.built()).forEach(w -> allWarnings.add(new BuiltLibrary.Warning("", w)));
      }
      Map<Path, String> inputs = new HashMap<>(sources.digests());
      plan.built().values().forEach(stencils -> stencils.values().forEach(stencil ->
          stencil.dependencies().forEach((header, sha) -> inputs.put(Path.of(header), sha))));
      int compiled = sources.names().size() * spec.triples().size() - cached;
      return new BuiltLibrary(sources.names(), sources.variants(), libraries, disassembly,
          digest.library(sources.description(), batching, versions, flags, plan.built()),
          sources.description(), inputs, compiled, cached, 0, objects.size(),
          objects.stream().mapToLong(CompiledObject::nanos).sum(), notes, allWarnings);
    } catch (IOException e) {
      throw StencilException.onAnnotation("cannot compile stencils: " + e);
    }
  }

  private Map<Triple, List<String>> flags(LibrarySpec spec) {
    Map<Triple, List<String>> flags = new LinkedHashMap<>();
    for (Triple triple : spec.triples()) {
      flags.put(triple, compilers.flags(spec, triple));
    }
    return flags;
  }

  /**
   * Takes from the cache each unit whose stencils are all there: a stencil's bytes depend on its
   * whole unit (what the compiler inlines or merges), so a unit is taken whole or compiled whole.
   */
  private Plan lookUp(LibrarySpec spec, List<TranslationUnit> units,
      Map<Triple, List<String>> flags, InputDigest digest) {
    Plan plan = new Plan(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
    for (Triple triple : spec.triples()) {
      Toolchain toolchain = compilers.of(triple);
      Map<String, CachedStencil> ofTriple = new LinkedHashMap<>();
      Map<String, String> keysOfTriple = new LinkedHashMap<>();
      for (TranslationUnit unit : units) {
        Map<String, CachedStencil> hits = new LinkedHashMap<>();
        for (String name : unit.stencilNames()) {
          String key = digest.stencil(toolchain.version(), triple, flags.get(triple),
              unit.text(), name);
          keysOfTriple.put(name, key);
          Optional<CachedStencil> hit = cache.isPresent() && keptObjects.isEmpty()
              ? cache.get().find(key, triple, digest::local) : Optional.empty();
          hit.ifPresent(stencil -> hits.put(name, stencil));
        }
        if (hits.size() == unit.stencilNames().size()) {
          ofTriple.putAll(hits);
        } else {
          plan.jobs().add(new CompileJob(unit, triple, toolchain,
              CompileFlags.forUnit(flags.get(triple), unit)));
        }
      }
      plan.built().put(triple, ofTriple);
      plan.keys().put(triple, keysOfTriple);
    }
    return plan;
  }

  /** Reads the {@code objects} into stencils, adds them to the plan's and to the cache. */
  private void store(LibrarySpec spec, SourceSet sources, List<CompiledObject> objects,
      Plan plan, InputDigest digest) throws IOException, StencilException {
    for (Triple triple : spec.triples()) {
      List<CompiledObject> ofTriple =
          objects.stream().filter(o -> o.job().triple() == triple).toList();
      Map<String, List<String>> disassembly =
          Disassembler.disassemble(compilers.clang().orElseThrow(), ofTriple);
      for (CompiledObject object : ofTriple) {
        Map<String, String> dependencies = new TreeMap<>();
        for (Path header : object.dependencies()) {
          dependencies.put(header.toString(), StencilCache.contentDigest(header));
        }
        List<String> diagnostics = CompilerDiagnostics.split(object.warnings());
        for (StencilGroup stencil : ObjectStencils.of(object, compilers.target(triple))) {
          CachedStencil fresh = new CachedStencil(stencil,
              disassembly.getOrDefault(stencil.name(), List.of()), dependencies,
              CompilerDiagnostics.about(stencil.name(), diagnostics, sources));
          plan.built().get(triple).put(stencil.name(), fresh);
          if (cache.isPresent()) {
            cache.get().store(plan.keys().get(triple).get(stencil.name()), triple,
                digest.portable(fresh));
          }
        }
      }
    }
  }

  /**
   * The stencils of {@code spec} from the snapshots, for a build without a compiler: each must
   * match the sources as they are now, or the build fails naming what changed.
   *
   * @param noCompiler why there is no compiler, for the message
   */
  BuiltLibrary fromSnapshots(LibrarySpec spec, SourceSet sources, String noCompiler)
      throws StencilException {
    InputDigest digest =
        new InputDigest(spec, processorVersion, new BatchPlanner(sources).aloneTexts());
    SnapshotStore store =
        new SnapshotStore(snapshots.get(), spec, sources, digest, compilers, processorVersion);
    Map<Triple, Map<String, CachedStencil>> built = new LinkedHashMap<>();
    Map<Triple, String> versions = new LinkedHashMap<>();
    Map<Triple, StencilLibrary> libraries = new LinkedHashMap<>();
    Map<Triple, Map<String, List<String>>> disassembly = new LinkedHashMap<>();
    Map<Triple, Snapshot> snapshotsRead = store.read(noCompiler);
    snapshotsRead.forEach((triple, snapshot) -> {
      built.put(triple, store.stencils(snapshot));
      versions.put(triple, snapshot.compilerVersion());
      libraries.put(triple, snapshot.library());
      disassembly.put(triple, snapshot.disassembly());
    });
    Map<Path, String> inputs = new HashMap<>(sources.digests());
    inputs.putAll(store.inputs(snapshotsRead));
    int stencils = sources.names().size() * spec.triples().size();
    return new BuiltLibrary(sources.names(), sources.variants(), libraries, disassembly,
        digest.library(sources.description(), batching, versions, flags(spec), built),
        sources.description(), inputs, 0, 0, stencils, 0, 0,
        List.of("no compiler (" + noCompiler + "): the stencils come from the snapshots in "
            + snapshots.get()), List.of());
  }
}

package io.stencil4j.processor;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import io.stencil4j.processor.cache.CachedStencil;
import io.stencil4j.processor.cache.Snapshot;
import io.stencil4j.processor.cache.SnapshotHeaders;
import io.stencil4j.processor.cache.StencilCache;
import io.stencil4j.processor.compile.CompileJob;
import io.stencil4j.processor.compile.CompiledObject;
import io.stencil4j.processor.compile.CompilerDiagnostics;
import io.stencil4j.processor.compile.Disassembler;
import io.stencil4j.processor.compile.StencilCompiler;
import io.stencil4j.processor.compile.SystemIncludes;
import io.stencil4j.processor.compile.Toolchain;
import io.stencil4j.processor.compile.TranslationUnit;
import io.stencil4j.processor.diagnostic.StencilException;
import io.stencil4j.processor.object.ObjectFiles;
import io.stencil4j.processor.object.MalformedObjectException;
import io.stencil4j.processor.object.ObjectFile;
import io.stencil4j.processor.spec.StencilCase;
import io.stencil4j.processor.spec.LibrarySpec;
import io.stencil4j.processor.spec.StencilNames;
import io.stencil4j.processor.stencil.BadStencilException;
import io.stencil4j.processor.stencil.StencilBuilder;
import io.stencil4j.processor.target.Target;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds the stencils of one {@code @Stencil} interface: splits the cases, compiles every case
 * for every triple, reads the objects and turns each into a stencil.
 */
final class LibraryBuilder {
  /**
   * Cases per compiler run: a fixed number, so that the stencils (whose pooled constants depend
   * on their neighbours in the batch) are the same on every machine.
   */
  static final int BATCH_SIZE = 100;
  /** A message about the template's entry function, not about a case. */
  private static final Pattern ENTRY = Pattern.compile("\\b_JIT_ENTRY\\b");
  /**
   * Each case's function and data in sections of their own, so a stencil is cut out whole; and,
   * for Mach-O, which keeps every function in one section, no padding between functions, so each
   * ends with its own last instruction (a stencil's trailing jump is found there).
   */
  private static final List<String> BATCH_FLAGS = List.of("-ffunction-sections",
      "-fdata-sections", "-falign-functions=1");

  private final Optional<Toolchain> clang;
  private final Optional<Toolchain> gcc;
  private final Optional<Path> keptObjects;
  private final boolean batching;
  private final Optional<StencilCache> cache;
  private final Optional<Path> snapshots;
  private final Map<String, String> normalizedUnits = new java.util.HashMap<>();
  private final String processorVersion;

  /**
   * @param clang compiles every triple's stencils (none: only {@link #fromSnapshots} works)
   * @param gcc when present, compiles the x86-64 Linux stencils instead
   * @param keptObjects when present, where to keep the object files ({@code TRIPLE/NAME.o})
   * @param batching whether to compile cases in batches (else each alone)
   * @param cache where built stencils are kept between builds, if anywhere
   * @param snapshots where to write the snapshots of the stencils built, if anywhere
   */
  LibraryBuilder(Optional<Toolchain> clang, Optional<Toolchain> gcc, Optional<Path> keptObjects,
      boolean batching, Optional<StencilCache> cache, Optional<Path> snapshots,
      String processorVersion) {
    this.cache = cache;
    this.snapshots = snapshots;
    this.clang = clang;
    this.gcc = gcc;
    this.keptObjects = keptObjects;
    this.batching = batching;
    this.processorVersion = processorVersion;
  }

  LibraryBuild build(LibrarySpec spec) throws StencilException {
    checkFlags(spec);
    Sources sources = sources(spec);
    List<String> names = sources.names();
    Map<Triple, Target> targets = new LinkedHashMap<>();
    Map<Triple, Toolchain> toolchains = new LinkedHashMap<>();
    for (Triple triple : spec.triples()) {
      targets.put(triple, target(triple));
      toolchains.put(triple, byGcc(triple) ? gcc.get() : clang.orElseThrow());
    }
    List<String> notes = new ArrayList<>();
    try (StencilCompiler compiler = new StencilCompiler()) {
      Map<Triple, Map<String, CachedStencil>> built = new LinkedHashMap<>();
      Map<Triple, Map<String, String>> keys = new LinkedHashMap<>();
      List<TranslationUnit> units = sources.units(batching);
      List<CompileJob> jobs = new ArrayList<>();
      int cachedCount = 0;
      for (Triple triple : spec.triples()) {
        Toolchain toolchain = toolchains.get(triple);
        List<String> flags = flags(spec, targets.get(triple), toolchain.kind());
        Map<String, CachedStencil> ofTriple = new LinkedHashMap<>();
        Map<String, String> keysOfTriple = new LinkedHashMap<>();
        for (TranslationUnit unit : units) {
          // a stencil's bytes depend on its whole unit (what the compiler inlines or merges),
          // so a unit is taken from the cache whole or compiled whole
          Map<String, CachedStencil> hits = new LinkedHashMap<>();
          for (String name : unit.stencilNames()) {
            String key = StencilCache.key(List.of("stencil4j " + processorVersion,
                toolchain.version(), triple.triple(), String.join("\u0000", flags),
                unit.text(), name));
            keysOfTriple.put(name, key);
            Optional<CachedStencil> hit = cache.isPresent() && keptObjects.isEmpty()
                ? cache.get().find(key, triple) : Optional.empty();
            hit.ifPresent(stencil -> hits.put(name, stencil));
          }
          if (hits.size() == unit.stencilNames().size()) {
            ofTriple.putAll(hits);
            cachedCount += hits.size();
          } else {
            jobs.add(new CompileJob(unit, triple, toolchain,
                unit.batch() ? withSections(flags) : flags));
          }
        }
        built.put(triple, ofTriple);
        keys.put(triple, keysOfTriple);
      }
      List<CompiledObject> objects = compile(compiler, jobs, sources, notes);
      if (keptObjects.isPresent()) {
        keep(objects, keptObjects.get());
      }
      for (Triple triple : spec.triples()) {
        List<CompiledObject> ofTriple =
            objects.stream().filter(o -> o.job().triple() == triple).toList();
        Map<String, List<String>> disassembly =
            Disassembler.disassemble(clang.orElseThrow(), ofTriple);
        for (CompiledObject object : ofTriple) {
          Map<String, String> dependencies = new TreeMap<>();
          for (Path header : object.dependencies()) {
            dependencies.put(header.toString(), StencilCache.contentDigest(header));
          }
          List<String> diagnostics = CompilerDiagnostics.split(object.warnings());
          for (StencilGroup stencil : stencils(object, targets.get(triple))) {
            CachedStencil fresh = new CachedStencil(stencil,
                disassembly.getOrDefault(stencil.name(), List.of()), dependencies,
                sources.diagnosticsOf(stencil.name(), diagnostics));
            built.get(triple).put(stencil.name(), fresh);
            if (cache.isPresent()) {
              cache.get().store(keys.get(triple).get(stencil.name()), triple, fresh);
            }
          }
        }
      }
      Map<Triple, StencilLibrary> libraries = new LinkedHashMap<>();
      Map<Triple, Map<String, List<String>>> disassembly = new LinkedHashMap<>();
      CompilerWarnings warnings = new CompilerWarnings();
      for (Triple triple : spec.triples()) {
        List<StencilGroup> stencils = new ArrayList<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        String compilerName =
            toolchains.get(triple).kind().name().toLowerCase(java.util.Locale.ROOT);
        for (String name : names) {
          CachedStencil stencil = built.get(triple).get(name);
          stencils.add(stencil.stencil());
          lines.put(name, stencil.disassembly());
          warnings.add(sources.alone(name).member(), name, compilerName, triple,
              stencil.warnings());
        }
        libraries.put(triple, new StencilLibrary(triple, stencils));
        disassembly.put(triple, lines);
      }
      int compiledCount = names.size() * spec.triples().size() - cachedCount;
      Map<Triple, String> versions = new LinkedHashMap<>();
      toolchains.forEach((triple, toolchain) -> versions.put(triple, toolchain.version()));
      // a damaged cache or snapshot is worth a warning, not an error: the build is complete
      List<LibraryBuild.Warning> allWarnings = new ArrayList<>(warnings.warnings());
      cache.flatMap(StencilCache::warning)
          .ifPresent(w -> allWarnings.add(new LibraryBuild.Warning("", w)));
      if (snapshots.isPresent()) {
        writeSnapshots(spec, sources, toolchains, built, snapshots.get())
            .forEach(w -> allWarnings.add(new LibraryBuild.Warning("", w)));
      }
      return new LibraryBuild(names, libraries, disassembly,
          digest(spec, sources, versions, built), sources.description(), compiledCount,
          cachedCount, objects.size(), objects.stream().mapToLong(CompiledObject::nanos).sum(),
          notes, allWarnings);
    } catch (IOException e) {
      throw StencilException.onAnnotation("cannot compile stencils: " + e);
    }
  }

  /**
   * Runs the jobs; a batch that fails is compiled again case by case (its template repeats
   * something that may not be repeated, such as a function definition), which either works,
   * with a note, or gives each failing case's own diagnostics.
   */
  private static List<CompiledObject> compile(StencilCompiler compiler, List<CompileJob> jobs,
      Sources sources, List<String> notes) throws StencilException {
    List<CompiledObject> objects = new ArrayList<>();
    List<CompileJob> alone = new ArrayList<>();
    List<StencilCompiler.Outcome> outcomes = compiler.run(jobs);
    for (StencilCompiler.Outcome outcome : outcomes) {
      CompileJob job = outcome.job();
      if (outcome.succeeded()) {
        objects.add(outcome.object());
      } else if (job.unit().batch() && !outcome.timedOut()) {
        if (alone.isEmpty()) {
          notes.add("the cases cannot be compiled in batches (" + firstError(outcome)
              + "), so each is compiled alone, which is much slower. A batch repeats the "
              + "template once per case: define functions and variables outside _JIT_ENTRY in a "
              + "header with an include guard, so that they are defined once");
        }
        for (TranslationUnit unit : sources.alone(job.unit().stencilNames())) {
          alone.add(new CompileJob(unit, job.triple(), job.toolchain(),
              withoutSections(job.flags())));
        }
      } else {
        throw failure(sources, outcome, outcomes);
      }
    }
    List<StencilCompiler.Outcome> aloneOutcomes = compiler.run(alone);
    for (StencilCompiler.Outcome outcome : aloneOutcomes) {
      if (!outcome.succeeded()) {
        throw failure(sources, outcome, aloneOutcomes);
      }
      objects.add(outcome.object());
    }
    return objects;
  }

  /**
   * The error for the failed {@code outcome}, one of {@code outcomes}: on the file its first
   * error is in (a template's error in every case is the template's), else on the unit's.
   */
  private static StencilException failure(Sources sources, StencilCompiler.Outcome outcome,
      List<StencilCompiler.Outcome> outcomes) {
    String member = outcome.diagnostics().lines().filter(l -> l.contains("error:")).findFirst()
        .flatMap(CompilerDiagnostics::location)
        .map(at -> sources.members().getOrDefault(at.file(), outcome.job().unit().member()))
        .orElse(outcome.job().unit().member());
    int others = (int) outcomes.stream().filter(o -> !o.succeeded()).count() - 1;
    return StencilCompiler.failure(outcome, others, member);
  }

  private static String firstError(StencilCompiler.Outcome outcome) {
    return outcome.diagnostics().lines().filter(l -> l.contains("error:")).findFirst()
        .orElse("the compiler failed").strip();
  }

  /** The stencils in {@code object}: one, or each case of a batch. */
  private static List<StencilGroup> stencils(CompiledObject object, Target target)
      throws StencilException {
    CompileJob job = object.job();
    List<StencilGroup> stencils = new ArrayList<>();
    String name = job.unit().stencilNames().get(0);
    String what = job.unit().batch() ? "case " + name + " for " + job.triple().triple()
        : StencilCompiler.describe(job);
    if (isBitcode(object.bytes())) {
      throw StencilException.at(job.unit().member(), what + ": the compiler produced LLVM "
          + "bitcode, not an object file: remove the flags that ask for it (such as -flto or "
          + "-emit-llvm)");
    }
    try {
      ObjectFile file = ObjectFiles.read(object.bytes());
      for (String stencilName : job.unit().stencilNames()) {
        name = stencilName;
        stencils.add(StencilBuilder.build(name, job.unit().entryName(name), file, target));
      }
    } catch (MalformedObjectException | BadStencilException e) {
      if (job.unit().batch()) {
        what = "case " + name + " for " + job.triple().triple();
      }
      // the template defines _JIT_ENTRY for every case
      String member = ENTRY.matcher(e.getMessage()).find() && job.unit().member().equals("cases")
          ? "template" : job.unit().member();
      throw StencilException.at(member, what + ": " + e.getMessage());
    }
    return stencils;
  }

  /** Whether {@code bytes} are LLVM bitcode, bare or in its wrapper. */
  private static boolean isBitcode(byte[] bytes) {
    return bytes.length >= 4 && (bytes[0] == 'B' && bytes[1] == 'C' && bytes[2] == (byte) 0xc0
        && bytes[3] == (byte) 0xde || bytes[0] == (byte) 0xde && bytes[1] == (byte) 0xc0
        && bytes[2] == 0x17 && bytes[3] == 0x0b);
  }

  /**
   * Rejects flags that make code a stencil cannot be: a sanitizer's instrumentation calls its
   * run-time library and adds functions before {@code _JIT_ENTRY}, which would otherwise be
   * reported as if the template were wrong.
   */
  private static void checkFlags(LibrarySpec spec) throws StencilException {
    for (int i = 0; i < spec.flags().size(); i++) {
      String flag = spec.flags().get(i);
      if (flag.startsWith("-fsanitize=") || flag.startsWith("-fsanitize-coverage=")) {
        throw StencilException.at("flags", i, "flag " + flag + " instruments the code with "
            + "calls into a sanitizer's run-time library, which a stencil cannot have: remove it");
      }
    }
  }

  private static List<String> withSections(List<String> flags) {
    List<String> batch = new ArrayList<>(flags);
    batch.addAll(BATCH_FLAGS);
    return batch;
  }

  private static List<String> withoutSections(List<String> flags) {
    List<String> alone = new ArrayList<>(flags);
    alone.removeAll(BATCH_FLAGS);
    return alone;
  }

  private static void keep(List<CompiledObject> objects, Path directory) throws IOException {
    for (CompiledObject object : objects) {
      List<String> names = object.job().unit().stencilNames();
      Path file = directory.resolve(object.job().triple().triple()).resolve(names.size() == 1
          ? names.get(0) + ".o" : "batch-" + names.get(0) + ".o");
      Files.createDirectories(file.getParent());
      Files.write(file, object.bytes());
    }
  }

  /**
   * What is compiled: the shim and the template with its cases (or a template without cases).
   *
   * @param shim the shim's unit, if any
   * @param template the template split at CASE, if there are cases
   * @param cases the cases, in file order
   * @param whole the template compiled as it is, when there are no cases
   * @param description the files' names, for the header's comment
   * @param alone every stencil's unit for a compile of its own, by name
   * @param members the {@code @Stencil} member of each file, by the path the compiler names
   */
  private record Sources(Optional<TranslationUnit> shim, Optional<TranslationUnit.Template> template,
      List<StencilCase> cases, Optional<TranslationUnit> whole, String description,
      Map<String, TranslationUnit> alone, Map<String, String> members) {

    /** The template's and the shim's texts, paths left out. */
    String templateText() {
      StringBuilder text = new StringBuilder();
      template.ifPresent(t -> text.append(t.before()).append("CASE").append(t.after()));
      whole.ifPresent(u -> text.append(u.text().replaceFirst("^#line 1 \".*\"\n", "")));
      shim.ifPresent(u -> text.append('\0').append(u.text().replaceFirst("^#line 1 \".*\"\n", "")));
      return text.toString();
    }

    List<String> names() {
      List<String> names = new ArrayList<>();
      shim.ifPresent(u -> names.addAll(u.stencilNames()));
      whole.ifPresent(u -> names.addAll(u.stencilNames()));
      cases.forEach(c -> names.add(c.name()));
      return names;
    }

    /** The units that build every stencil: the cases in batches of a fixed size, if batching. */
    List<TranslationUnit> units(boolean batching) {
      List<TranslationUnit> units = new ArrayList<>();
      shim.ifPresent(units::add);
      whole.ifPresent(units::add);
      if (batching && cases.size() > 1) {
        for (int start = 0; start < cases.size(); start += BATCH_SIZE) {
          units.add(TranslationUnit.batch(template.orElseThrow(),
              cases.subList(start, Math.min(cases.size(), start + BATCH_SIZE))));
        }
      } else {
        units.addAll(alone(cases.stream().map(StencilCase::name).toList()));
      }
      return units;
    }

    /** A unit for each of the stencils {@code names}, compiled alone. */
    List<TranslationUnit> alone(List<String> names) {
      List<TranslationUnit> units = new ArrayList<>();
      for (String name : names) {
        units.add(alone(name));
      }
      return units;
    }

    /**
     * Of the {@code diagnostics} of a compile, those about the stencil {@code name}: the ones in
     * its case, and the ones outside every case (in the template or a header), which belong to
     * every stencil compiled with them; each once.
     */
    List<String> diagnosticsOf(String name, List<String> diagnostics) {
      return diagnostics.stream().filter(d -> caseAt(d).map(name::equals).orElse(true))
          .distinct().toList();
    }

    /** The case whose lines hold the place {@code diagnostic} names, if any. */
    private Optional<String> caseAt(String diagnostic) {
      Optional<CompilerDiagnostics.Location> at = CompilerDiagnostics.location(diagnostic);
      if (at.isEmpty()) {
        return Optional.empty();
      }
      for (StencilCase stencilCase : cases) {
        int line = at.get().line() - stencilCase.line();
        if (stencilCase.file().toString().equals(at.get().file()) && line >= 0
            && line < stencilCase.text().lines().count()) {
          return Optional.of(stencilCase.name());
        }
      }
      return Optional.empty();
    }

    /** The unit that compiles the stencil {@code name} alone. */
    TranslationUnit alone(String name) {
      return alone.get(name);
    }

    /** Every stencil's unit for a compile of its own, by name, in order. */
    static Map<String, TranslationUnit> aloneUnits(Optional<TranslationUnit> shim,
        Optional<TranslationUnit.Template> template, List<StencilCase> cases,
        Optional<TranslationUnit> whole) {
      Map<String, TranslationUnit> units = new LinkedHashMap<>();
      shim.ifPresent(u -> units.put(u.stencilNames().get(0), u));
      whole.ifPresent(u -> units.put(u.stencilNames().get(0), u));
      for (StencilCase stencilCase : cases) {
        units.put(stencilCase.name(), TranslationUnit.forCase(template.orElseThrow(),
            stencilCase));
      }
      return units;
    }
  }

  private Sources sources(LibrarySpec spec) throws StencilException {
    Optional<TranslationUnit> shim = Optional.empty();
    if (spec.shim().isPresent()) {
      shim = Optional.of(TranslationUnit.whole("SHIM", "shim", spec.shim().get(),
          read("shim", spec.shim().get())));
    }
    String template = read("template", spec.template());
    List<String> files = new ArrayList<>(List.of(spec.template().getFileName().toString()));
    spec.cases().ifPresent(c -> files.add(c.getFileName().toString()));
    spec.shim().ifPresent(c -> files.add(c.getFileName().toString()));
    String description = String.join(", ", files);
    Map<String, String> members = new HashMap<>();
    members.put(spec.template().toString(), "template");
    spec.cases().ifPresent(c -> members.put(c.toString(), "cases"));
    spec.shim().ifPresent(c -> members.put(c.toString(), "shim"));
    if (spec.cases().isEmpty()) {
      String name = spec.template().getFileName().toString().replaceFirst("\\.[^.]*$", "")
          .toUpperCase(java.util.Locale.ROOT).replaceAll("\\W", "_");
      Optional<String> problem = StencilNames.stencilProblem(name);
      if (problem.isPresent()) {
        throw StencilException.at("template", spec.template() + ": a template without cases is "
            + "one stencil named after its file, and " + problem.get() + ": rename the file, or "
            + "give the template a cases file");
      }
      Optional<TranslationUnit> whole =
          Optional.of(TranslationUnit.whole(name, "template", spec.template(), template));
      return new Sources(shim, Optional.empty(), List.of(), whole, description,
          Sources.aloneUnits(shim, Optional.empty(), List.of(), whole), members);
    }
    TranslationUnit.Template split = TranslationUnit.Template.split(spec.template(), template);
    Path casesFile = spec.cases().get();
    List<StencilCase> cases = spec.caseSplitter().split(casesFile, read("cases", casesFile));
    for (StencilCase stencilCase : cases) {
      if (stencilCase.name().equals("SHIM") && spec.shim().isPresent()) {
        throw StencilException.at("cases", casesFile + ":" + stencilCase.line()
            + ": the case name SHIM is taken by the shim");
      }
    }
    return new Sources(shim, Optional.of(split), cases, Optional.empty(), description,
        Sources.aloneUnits(shim, Optional.of(split), cases, Optional.empty()), members);
  }

  private static String read(String member, Path file) throws StencilException {
    ByteBuffer bytes;
    try {
      bytes = ByteBuffer.wrap(Files.readAllBytes(file));
    } catch (IOException e) {
      throw StencilException.at(member, "cannot read " + file + ": " + e);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
    } catch (CharacterCodingException e) {
      // the decoder stops at the first byte it cannot take
      throw StencilException.at(member, String.format("%s is not UTF-8 text (the byte 0x%02x at "
          + "offset %d is not valid there)", file, bytes.get(bytes.position()), bytes.position()));
    }
  }

  private static List<String> flags(LibrarySpec spec, Target target, Toolchain.Kind compiler) {
    List<String> flags = new ArrayList<>(Toolchain.commonFlags(compiler));
    flags.addAll(target.flags());
    for (String define : spec.defines()) {
      flags.add("-D" + define);
    }
    flags.add("-iquote");
    flags.add(spec.template().getParent().toString());
    for (Path include : spec.includes()) {
      flags.add("-I" + include);
    }
    flags.addAll(spec.flags());
    return flags;
  }

  /**
   * A digest of what the output depends on: the translation units, flags, the headers they
   * include (by content), the compilers' and Stencil4j's versions; never a path.
   */
  private String digest(LibrarySpec spec, Sources sources, Map<Triple, String> compilerVersions,
      Map<Triple, Map<String, CachedStencil>> built) {
    List<String> parts = new ArrayList<>();
    parts.add("stencil4j " + processorVersion);
    parts.add(spec.header());
    parts.add(sources.description());
    parts.add(batching ? "batched" : "alone");
    for (Map.Entry<Triple, String> entry : compilerVersions.entrySet()) {
      Triple triple = entry.getKey();
      parts.add(triple.triple());
      parts.add(entry.getValue());
      parts.add(normalized(spec, String.join(" ", flags(spec, target(triple), compiler(triple)))));
      for (String name : sources.names()) {
        parts.add(normalizedUnit(spec, sources, name));
        // by name and contents, sorted so the checkout's path does not matter
        built.get(triple).get(name).dependencies().entrySet().stream()
            .map(h -> Path.of(h.getKey()).getFileName() + " " + h.getValue()).sorted()
            .forEach(parts::add);
      }
    }
    return StencilCache.key(parts);
  }

  /** A stencil's unit without paths: computed once per build, used per triple. */
  private String normalizedUnit(LibrarySpec spec, Sources sources, String name) {
    return normalizedUnits.computeIfAbsent(name,
        n -> normalized(spec, sources.alone(n).text()));
  }

  /** {@code text} without the paths that differ between checkouts. */
  private static String normalized(LibrarySpec spec, String text) {
    String normalized = text.replaceAll("(?m)^#line (\\d+) \".*\"$", "#line $1");
    for (int i = 0; i < spec.includes().size(); i++) {
      normalized = normalized.replace(spec.includes().get(i).toString(), "<include " + i + ">");
    }
    return normalized.replace(spec.template().getParent().toString(), "<template directory>");
  }

  /** The names of the stencils {@code spec} builds, in order (the shim first). */
  List<String> stencilNames(LibrarySpec spec) throws StencilException {
    return sources(spec).names();
  }

  private boolean byGcc(Triple triple) {
    return gcc.isPresent() && triple == Triple.X86_64_UNKNOWN_LINUX_GNU;
  }

  private Target target(Triple triple) {
    return byGcc(triple) ? Target.gcc() : Target.of(triple);
  }

  private Toolchain.Kind compiler(Triple triple) {
    return byGcc(triple) ? Toolchain.Kind.GCC : Toolchain.Kind.CLANG;
  }

  /**
   * The snapshot of {@code triple}'s stencils, with digests of what they were built from;
   * {@code compilerDirectories} holds the compiler's own headers (none for stencils from a
   * snapshot, whose headers are named already).
   */
  private Snapshot snapshot(LibrarySpec spec, Sources sources, Triple triple,
      String compilerVersion, List<Path> compilerDirectories,
      Map<String, CachedStencil> stencils) {
    Map<String, Snapshot.Input> inputs = new LinkedHashMap<>();
    Map<String, List<String>> disassembly = new LinkedHashMap<>();
    List<StencilGroup> groups = new ArrayList<>();
    SnapshotHeaders headers = snapshotHeaders(spec);
    for (String name : sources.names()) {
      CachedStencil stencil = stencils.get(name);
      Map<String, String> dependencies = new TreeMap<>();
      for (Map.Entry<String, String> header : stencil.dependencies().entrySet()) {
        dependencies.put(headers.name(Path.of(header.getKey()), compilerDirectories),
            header.getValue());
      }
      inputs.put(name, new Snapshot.Input(
          StencilCache.key(List.of(normalizedUnit(spec, sources, name))), dependencies));
      disassembly.put(name, stencil.disassembly());
      groups.add(stencil.stencil());
    }
    return new Snapshot(new StencilLibrary(triple, groups), disassembly, processorVersion,
        compilerVersion, StencilCache.key(List.of(normalized(spec,
            String.join(" ", flags(spec, target(triple), compiler(triple)))))),
        StencilCache.key(List.of(sources.templateText())), inputs);
  }

  private static SnapshotHeaders snapshotHeaders(LibrarySpec spec) {
    return new SnapshotHeaders(spec.template().getParent(), spec.includes());
  }

  /**
   * Writes the snapshots of a build, leaving files whose contents would not change; returns a
   * warning for each damaged one it replaced.
   */
  private List<String> writeSnapshots(LibrarySpec spec, Sources sources,
      Map<Triple, Toolchain> toolchains, Map<Triple, Map<String, CachedStencil>> built,
      Path directory) throws IOException, StencilException {
    Files.createDirectories(directory);
    List<String> damaged = new ArrayList<>();
    for (Triple triple : spec.triples()) {
      Toolchain toolchain = toolchains.get(triple);
      byte[] bytes = snapshot(spec, sources, triple, toolchain.version(),
          SystemIncludes.of(toolchain, triple), built.get(triple)).encode();
      Snapshot.write(Snapshot.file(directory, spec.header(), triple), bytes)
          .ifPresent(damaged::add);
    }
    return damaged;
  }

  /**
   * The stencils from the snapshots in {@code directory}, for a build without a compiler: each
   * must match the sources as they are now, or the build fails naming what changed.
   *
   * @param noCompiler why there is no compiler, for the message
   */
  LibraryBuild fromSnapshots(LibrarySpec spec, Path directory, String noCompiler)
      throws StencilException {
    Sources sources = sources(spec);
    List<String> names = sources.names();
    Map<Triple, Map<String, CachedStencil>> built = new LinkedHashMap<>();
    Map<Triple, String> versions = new LinkedHashMap<>();
    Map<Triple, StencilLibrary> libraries = new LinkedHashMap<>();
    Map<Triple, Map<String, List<String>>> disassembly = new LinkedHashMap<>();
    for (Triple triple : spec.triples()) {
      Path file = Snapshot.file(directory, spec.header(), triple);
      Snapshot snapshot;
      try {
        snapshot = Snapshot.read(file);
      } catch (java.nio.file.NoSuchFileException e) {
        throw StencilException.onAnnotation(noCompiler + "; and there is no snapshot " + file
            + " to build from: build once with a compiler and -Astencil.snapshot to write it");
      } catch (IllegalArgumentException e) {
        throw StencilException.onAnnotation(noCompiler + "; and the snapshot " + file
            + " for " + triple.triple() + " cannot be read: " + e.getMessage());
      }
      Map<String, CachedStencil> stencils = new LinkedHashMap<>();
      for (String name : names) {
        Snapshot.Input input = snapshot.inputs().get(name);
        if (input != null && snapshot.library().stencils().stream()
            .anyMatch(g -> g.name().equals(name))) {
          stencils.put(name, new CachedStencil(snapshot.library().stencil(name),
              snapshot.disassembly().getOrDefault(name, List.of()), input.dependencies(),
              List.of()));
        }
      }
      Snapshot current = snapshot(spec, sources, triple, snapshot.compilerVersion(), List.of(),
          stencilsOrPlaceholders(names, stencils));
      List<String> changes = new ArrayList<>(snapshot.differences(current));
      changes.addAll(changedHeaders(spec, snapshot));
      if (!changes.isEmpty()) {
        throw StencilException.onAnnotation(noCompiler + "; and the snapshot " + file
            + " does not match the sources: " + String.join(", ", changes) + ". Install "
            + "clang-" + Toolchain.MIN_MAJOR + " (apt-get install clang-" + Toolchain.MIN_MAJOR
            + ") to build the stencils and the snapshot again");
      }
      built.put(triple, stencils);
      versions.put(triple, snapshot.compilerVersion());
      libraries.put(triple, snapshot.library());
      disassembly.put(triple, snapshot.disassembly());
    }
    return new LibraryBuild(names, libraries, disassembly,
        digest(spec, sources, versions, built), sources.description(), 0, 0, 0, 0,
        List.of("no compiler (" + noCompiler + "): the stencils come from the snapshots in "
            + directory), List.of());
  }

  /** The stencils found, and an empty stand-in for each missing one (to compare digests). */
  private static Map<String, CachedStencil> stencilsOrPlaceholders(List<String> names,
      Map<String, CachedStencil> found) {
    Map<String, CachedStencil> all = new LinkedHashMap<>();
    for (String name : names) {
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
  private static List<String> changedHeaders(LibrarySpec spec, Snapshot snapshot) {
    Map<String, String> recorded = new TreeMap<>();
    snapshot.inputs().values().forEach(i -> recorded.putAll(i.dependencies()));
    List<String> changes = new ArrayList<>();
    SnapshotHeaders headers = snapshotHeaders(spec);
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

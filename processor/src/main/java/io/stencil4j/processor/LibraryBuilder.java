package io.stencil4j.processor;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import io.stencil4j.processor.compile.CompileJob;
import io.stencil4j.processor.compile.CompiledObject;
import io.stencil4j.processor.compile.Disassembler;
import io.stencil4j.processor.compile.StencilCompiler;
import io.stencil4j.processor.compile.Toolchain;
import io.stencil4j.processor.compile.TranslationUnit;
import io.stencil4j.processor.object.ObjectFiles;
import io.stencil4j.processor.object.MalformedObjectException;
import io.stencil4j.processor.object.ObjectFile;
import io.stencil4j.processor.spec.StencilCase;
import io.stencil4j.processor.spec.StencilSpec;
import io.stencil4j.processor.stencil.BadStencilException;
import io.stencil4j.processor.stencil.EmitterBinding;
import io.stencil4j.processor.stencil.StencilBuilder;
import io.stencil4j.processor.target.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Builds the stencils of one {@code @Stencil} interface: splits the cases, compiles every case
 * for every triple, reads the objects and turns each into a stencil.
 */
final class LibraryBuilder {
  /**
   * Cases per compiler run: a fixed number, so that the stencils (whose pooled constants depend
   * on their neighbours in the batch) are the same on every machine.
   */
  static final int BATCH_SIZE = 32;
  /**
   * Each case's function and data in sections of their own, so a stencil is cut out whole; and,
   * for Mach-O, which keeps every function in one section, no padding between functions, so each
   * ends with its own last instruction (a stencil's trailing jump is found there).
   */
  private static final List<String> BATCH_FLAGS = List.of("-ffunction-sections",
      "-fdata-sections", "-falign-functions=1");

  private final Toolchain clang;
  private final Optional<Toolchain> gcc;
  private final Optional<Path> keptObjects;
  private final boolean batching;
  private final String processorVersion;

  /**
   * @param clang compiles every triple's stencils
   * @param gcc when present, compiles the x86-64 Linux stencils instead
   * @param keptObjects when present, where to keep the object files ({@code TRIPLE/NAME.o})
   * @param batching whether to compile cases in batches (else each alone)
   */
  LibraryBuilder(Toolchain clang, Optional<Toolchain> gcc, Optional<Path> keptObjects,
      boolean batching, String processorVersion) {
    this.clang = clang;
    this.gcc = gcc;
    this.keptObjects = keptObjects;
    this.batching = batching;
    this.processorVersion = processorVersion;
  }

  LibraryBuild build(StencilSpec spec) throws StencilException {
    Sources sources = sources(spec);
    List<String> names = sources.names();
    EmitterBinding.checkCases(spec.emitters(), names);
    Map<Triple, Target> targets = new LinkedHashMap<>();
    List<CompileJob> jobs = new ArrayList<>();
    for (Triple triple : spec.triples()) {
      boolean byGcc = gcc.isPresent() && triple == Triple.X86_64_UNKNOWN_LINUX_GNU;
      Target target = byGcc ? Target.gcc() : Target.of(triple);
      Toolchain toolchain = byGcc ? gcc.get() : clang;
      targets.put(triple, target);
      List<String> flags = flags(spec, target, toolchain);
      for (TranslationUnit unit : sources.units(batching)) {
        jobs.add(new CompileJob(unit, triple, toolchain,
            unit.batch() ? withSections(flags) : flags));
      }
    }
    Map<Triple, StencilLibrary> libraries = new LinkedHashMap<>();
    Map<Triple, Map<String, List<String>>> disassembly = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    try (StencilCompiler compiler = new StencilCompiler()) {
      List<CompiledObject> objects = compile(compiler, jobs, sources, notes);
      if (keptObjects.isPresent()) {
        keep(objects, keptObjects.get());
      }
      for (Map.Entry<Triple, Target> entry : targets.entrySet()) {
        Triple triple = entry.getKey();
        List<CompiledObject> ofTriple =
            objects.stream().filter(o -> o.job().triple() == triple).toList();
        libraries.put(triple, new StencilLibrary(triple,
            stencils(names, ofTriple, entry.getValue())));
        disassembly.put(triple, Disassembler.disassemble(clang.objdump(), ofTriple));
      }
      return new LibraryBuild(names, libraries, disassembly, digest(spec, objects),
          sources.description(), objects.size(),
          objects.stream().mapToLong(CompiledObject::nanos).sum(), notes);
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
      } else if (job.unit().batch()) {
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
        throw StencilCompiler.failure(outcome, (int) outcomes.stream()
            .filter(o -> !o.succeeded()).count() - 1);
      }
    }
    objects.addAll(compiler.compile(alone));
    return objects;
  }

  private static String firstError(StencilCompiler.Outcome outcome) {
    return outcome.diagnostics().lines().filter(l -> l.contains("error:")).findFirst()
        .orElse("the compiler failed").strip();
  }

  private static List<StencilGroup> stencils(List<String> names, List<CompiledObject> objects,
      Target target) throws StencilException {
    Map<String, CompiledObject> byName = new LinkedHashMap<>();
    for (CompiledObject object : objects) {
      for (String name : object.job().unit().stencilNames()) {
        byName.put(name, object);
      }
    }
    Map<CompiledObject, ObjectFile> read = new LinkedHashMap<>();
    List<StencilGroup> stencils = new ArrayList<>();
    for (String name : names) {
      CompiledObject object = byName.get(name);
      CompileJob job = object.job();
      try {
        ObjectFile file = read.containsKey(object) ? read.get(object)
            : ObjectFiles.read(object.bytes());
        read.put(object, file);
        stencils.add(StencilBuilder.build(name, job.unit().entryName(name), file, target));
      } catch (MalformedObjectException | BadStencilException e) {
        String what = job.unit().batch() ? "case " + name + " for " + job.triple().triple()
            : StencilCompiler.describe(job);
        throw StencilException.at(job.unit().member(), what + ": " + e.getMessage());
      }
    }
    return stencils;
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
   */
  private record Sources(Optional<TranslationUnit> shim, Optional<TranslationUnit.Template> template,
      List<StencilCase> cases, Optional<TranslationUnit> whole, String description) {

    List<String> names() {
      List<String> names = new ArrayList<>();
      shim.ifPresent(u -> names.addAll(u.stencilNames()));
      whole.ifPresent(u -> names.addAll(u.stencilNames()));
      cases.forEach(c -> names.add(c.name()));
      return names;
    }

    /** The units, cases in batches of {@link #BATCH_SIZE} when batching. */
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

    /** A unit for each of the cases {@code names}, compiled alone. */
    List<TranslationUnit> alone(List<String> names) {
      return cases.stream().filter(c -> names.contains(c.name()))
          .map(c -> TranslationUnit.forCase(template.orElseThrow(), c)).toList();
    }
  }

  private Sources sources(StencilSpec spec) throws StencilException {
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
    if (spec.cases().isEmpty()) {
      String name = spec.template().getFileName().toString().replaceFirst("\\.[^.]*$", "")
          .toUpperCase(java.util.Locale.ROOT).replaceAll("\\W", "_");
      return new Sources(shim, Optional.empty(), List.of(),
          Optional.of(TranslationUnit.whole(name, "template", spec.template(), template)),
          description);
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
    return new Sources(shim, Optional.of(split), cases, Optional.empty(), description);
  }

  private static String read(String member, Path file) throws StencilException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw StencilException.at(member, "cannot read " + file + ": " + e);
    }
  }

  private static List<String> flags(StencilSpec spec, Target target, Toolchain toolchain) {
    List<String> flags = new ArrayList<>(toolchain.commonFlags());
    flags.addAll(target.flags());
    for (String define : spec.defines()) {
      flags.add("-D" + define);
    }
    flags.add("-iquote");
    flags.add(spec.template().getParent().toString());
    flags.addAll(spec.flags());
    return flags;
  }

  /**
   * A digest of what the output depends on: the translation units, flags, the headers they
   * include (by content), clang's and Stencil4j's versions; never a path.
   */
  private String digest(StencilSpec spec, List<CompiledObject> objects) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    List<byte[]> parts = new ArrayList<>();
    parts.add(utf8("stencil4j " + processorVersion));
    parts.add(utf8(spec.header()));
    Set<Path> headers = new LinkedHashSet<>();
    for (CompiledObject object : objects) {
      CompileJob job = object.job();
      parts.add(utf8(job.triple().triple()));
      parts.add(utf8(job.toolchain().version()));
      parts.add(utf8(String.join(" ", job.flags()).replace(spec.template().getParent().toString(),
          "<template directory>")));
      parts.add(utf8(job.unit().text().replaceAll("(?m)^#line (\\d+) \".*\"$", "#line $1")));
      headers.addAll(object.dependencies());
    }
    for (Path header : headers) {
      parts.add(utf8(header.getFileName().toString()));
      parts.add(Files.readAllBytes(header));
    }
    for (byte[] part : parts) {
      sha.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) ':');
      sha.update(part);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

}

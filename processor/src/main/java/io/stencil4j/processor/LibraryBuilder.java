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
  private final Toolchain clang;
  private final Optional<Toolchain> gcc;
  private final Optional<Path> keptObjects;
  private final String processorVersion;

  /**
   * @param clang compiles every triple's stencils
   * @param gcc when present, compiles the x86-64 Linux stencils instead
   * @param keptObjects when present, where to keep the object files ({@code TRIPLE/NAME.o})
   */
  LibraryBuilder(Toolchain clang, Optional<Toolchain> gcc, Optional<Path> keptObjects,
      String processorVersion) {
    this.clang = clang;
    this.gcc = gcc;
    this.keptObjects = keptObjects;
    this.processorVersion = processorVersion;
  }

  LibraryBuild build(StencilSpec spec) throws StencilException {
    List<TranslationUnit> units = units(spec);
    List<String> names = units.stream().map(TranslationUnit::stencilName).toList();
    EmitterBinding.checkCases(spec.emitters(), names);
    List<Target> targets = new ArrayList<>();
    List<CompileJob> jobs = new ArrayList<>();
    for (Triple triple : spec.triples()) {
      boolean byGcc = gcc.isPresent() && triple == Triple.X86_64_UNKNOWN_LINUX_GNU;
      Target target = byGcc ? Target.gcc() : Target.of(triple);
      Toolchain toolchain = byGcc ? gcc.get() : clang;
      targets.add(target);
      List<String> flags = flags(spec, target, toolchain);
      for (TranslationUnit unit : units) {
        jobs.add(new CompileJob(unit, triple, toolchain, flags));
      }
    }
    Map<Triple, StencilLibrary> libraries = new LinkedHashMap<>();
    Map<Triple, Map<String, List<String>>> disassembly = new LinkedHashMap<>();
    long clangNanos = 0;
    String digest;
    try (StencilCompiler compiler = new StencilCompiler()) {
      List<CompiledObject> objects = compiler.compile(jobs);
      digest = digest(spec, objects);
      if (keptObjects.isPresent()) {
        keep(objects, keptObjects.get());
      }
      for (CompiledObject object : objects) {
        clangNanos += object.nanos();
      }
      for (int t = 0; t < targets.size(); t++) {
        Target target = targets.get(t);
        List<CompiledObject> ofTarget = objects.subList(t * units.size(), (t + 1) * units.size());
        List<StencilGroup> stencils = new ArrayList<>();
        for (CompiledObject object : ofTarget) {
          stencils.add(stencil(object, target));
        }
        libraries.put(target.triple(), new StencilLibrary(target.triple(), stencils));
        disassembly.put(target.triple(), Disassembler.disassemble(clang.objdump(), ofTarget));
      }
    } catch (IOException e) {
      throw StencilException.onAnnotation("cannot compile stencils: " + e);
    }
    return new LibraryBuild(names, libraries, disassembly, digest, sources(spec),
        jobs.size(), clangNanos);
  }

  private static void keep(List<CompiledObject> objects, Path directory) throws IOException {
    for (CompiledObject object : objects) {
      Path file = directory.resolve(object.job().triple().triple())
          .resolve(object.job().unit().stencilName() + ".o");
      Files.createDirectories(file.getParent());
      Files.write(file, object.bytes());
    }
  }

  private static StencilGroup stencil(CompiledObject object, Target target)
      throws StencilException {
    CompileJob job = object.job();
    try {
      ObjectFile file = ObjectFiles.read(object.bytes());
      return StencilBuilder.build(job.unit().stencilName(), file, target);
    } catch (MalformedObjectException | BadStencilException e) {
      throw StencilException.at(job.unit().member(), StencilCompiler.describe(job) + ": "
          + e.getMessage());
    }
  }

  private List<TranslationUnit> units(StencilSpec spec) throws StencilException {
    List<TranslationUnit> units = new ArrayList<>();
    if (spec.shim().isPresent()) {
      units.add(TranslationUnit.whole("SHIM", "shim", spec.shim().get(),
          read("shim", spec.shim().get())));
    }
    String template = read("template", spec.template());
    if (spec.cases().isEmpty()) {
      String name = spec.template().getFileName().toString().replaceFirst("\\.[^.]*$", "")
          .toUpperCase(java.util.Locale.ROOT).replaceAll("\\W", "_");
      units.add(TranslationUnit.whole(name, "template", spec.template(), template));
    } else {
      TranslationUnit.Template split = TranslationUnit.Template.split(spec.template(), template);
      Path casesFile = spec.cases().get();
      for (StencilCase stencilCase :
          spec.caseSplitter().split(casesFile, read("cases", casesFile))) {
        if (stencilCase.name().equals("SHIM") && spec.shim().isPresent()) {
          throw StencilException.at("cases", casesFile + ":" + stencilCase.line()
              + ": the case name SHIM is taken by the shim");
        }
        units.add(TranslationUnit.forCase(split, stencilCase));
      }
    }
    return units;
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

  private static String sources(StencilSpec spec) {
    List<String> names = new ArrayList<>();
    names.add(spec.template().getFileName().toString());
    spec.cases().ifPresent(c -> names.add(c.getFileName().toString()));
    spec.shim().ifPresent(s -> names.add(s.getFileName().toString()));
    return String.join(", ", names);
  }
}

package io.stencil4j.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import io.stencil4j.model.Triple;
import io.stencil4j.processor.build.BuildOptions;
import io.stencil4j.processor.build.BuiltLibrary;
import io.stencil4j.processor.build.StencilBuild;
import io.stencil4j.processor.compile.Toolchain;
import io.stencil4j.processor.diagnostic.StencilException;
import io.stencil4j.processor.output.JavaWriter;
import io.stencil4j.processor.spec.EmitterMethod;
import io.stencil4j.processor.spec.SourceLocator;
import io.stencil4j.processor.spec.SpecReader;
import io.stencil4j.processor.spec.StencilNames;
import io.stencil4j.processor.spec.StencilSpec;
import io.stencil4j.processor.stencil.EmitterBinding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * Compiles the C stencils of every {@code @Stencil} interface and writes their Java entry class
 * and C headers. Every problem becomes one javac error on the element, annotation and value it
 * concerns; nothing is written for an interface that has one.
 */
@AutoService(Processor.class)
public final class StencilProcessor extends AbstractProcessor {
  /** The option that asks for a note with the timings of each interface. */
  public static final String VERBOSE_OPTION = "stencil.verbose";
  /** The option naming the stencil cache's directory, or {@code none}. */
  public static final String CACHE_OPTION = "stencil.cache";
  /**
   * The option naming the directory of the stencil snapshots: written by every build with a
   * compiler, read by builds without one.
   */
  public static final String SNAPSHOT_OPTION = "stencil.snapshot";
  /** The option that compiles each case alone rather than in batches. */
  public static final String ISOLATED_OPTION = "stencil.isolated";
  /** The option that keeps every object file, as {@code DIR/TRIPLE/NAME.o}, for inspection. */
  public static final String OBJECTS_OPTION = "stencil.objects";

  /** The annotation the entry class carries, where the platform has it (Java 9+). */
  private static final String GENERATED = "javax.annotation.processing.Generated";

  private StencilBuild pipeline;
  private final HeaderClaims headers = new HeaderClaims();

  /** Created by javac, which finds the processor through {@code META-INF/services}. */
  public StencilProcessor() {}

  /**
   * {@code @Stencil}, {@code @Case} and {@code @Variant}, and {@code @Generated}, which the
   * generated entry class carries into the next round: all are claimed, so {@code
   * -Xlint:processing} finds no annotation left unprocessed.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(SpecReader.STENCIL, SpecReader.CASE, SpecReader.VARIANT, GENERATED);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(SourceLocator.ROOT_OPTION, Toolchain.CLANG_OPTION, Toolchain.GCC_OPTION,
        Toolchain.TIMEOUT_OPTION,
        VERBOSE_OPTION, OBJECTS_OPTION, ISOLATED_OPTION, CACHE_OPTION, SNAPSHOT_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement stencil = processingEnv.getElementUtils().getTypeElement(SpecReader.STENCIL);
    if (stencil == null) {
      return false;
    }
    for (Element element : round.getElementsAnnotatedWith(stencil)) {
      boolean built = false;
      try {
        process(element);
        built = true;
      } catch (StencilException e) {
        report(element, e);
      } catch (RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            "internal error in Stencil4j, please report it: " + trace, element);
      } catch (OutOfMemoryError e) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "Stencil4j ran out of "
            + "memory building these stencils (" + e.getMessage() + "); give javac more, e.g. "
            + "-J-Xmx2g", element);
      } finally {
        if (!built) {
          deleteGenerated(element);
        }
      }
    }
    return true;
  }

  private void process(Element element) throws StencilException {
    long start = System.nanoTime();
    checkOptions();
    SpecReader reader = new SpecReader(processingEnv);
    StencilSpec spec = reader.read(element);
    // before anything is built or removed: the files belong to the interface that has the name
    headers.claim(spec);
    BuildOptions options = new BuildOptions(directory(OBJECTS_OPTION),
        processingEnv.getOptions().containsKey(ISOLATED_OPTION), "-A" + CACHE_OPTION,
        Optional.ofNullable(processingEnv.getOptions().get(CACHE_OPTION)),
        directory(SNAPSHOT_OPTION), Stencil4jVersion.current());
    BuiltLibrary build = pipeline().build(spec.library(), spec.emitters(), options);
    for (String note : build.notes()) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "stencil: " + note,
          element);
    }
    for (BuiltLibrary.Warning warning : build.warnings()) {
      printOn(Diagnostic.Kind.MANDATORY_WARNING, warning.message(), element, warning.member(),
          -1);
    }
    List<EmitterBinding> emitters = new ArrayList<>();
    for (EmitterMethod method : spec.emitters()) {
      emitters.add(EmitterBinding.bind(method, build.libraries().values(), build.variants()));
    }
    write(spec, build, emitters);
    String summary = String.format("stencil: %s: %d stencils x %d triples: %d compiled in %d "
            + "compiler runs, %d from the cache, %d from snapshots, in %d ms",
        spec.type().getSimpleName(), build.names().size(), build.libraries().size(),
        build.compiled(), build.compilerRuns(), build.cached(),
        build.snapshotted(),
        (System.nanoTime() - start) / 1_000_000);
    if (processingEnv.getOptions().containsKey(VERBOSE_OPTION)) {
      summary += String.format(" (the compiler ran %d ms in all)",
          build.compilerNanos() / 1_000_000);
    }
    processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, summary, element);
  }

  /** Rejects an unknown {@code -Astencil.} option, a misspelling javac would only warn about. */
  private void checkOptions() throws StencilException {
    for (String option : new TreeSet<>(processingEnv.getOptions().keySet())) {
      if (option.startsWith("stencil.") && !getSupportedOptions().contains(option)) {
        throw StencilException.onAnnotation("unknown option -A" + option + "; Stencil4j's "
            + "options are " + getSupportedOptions().stream().sorted().map(o -> "-A" + o)
            .collect(Collectors.joining(", ")));
      }
    }
  }

  /** The directory the option {@code name} names, if it is given. */
  private Optional<BuildOptions.Directory> directory(String name) {
    return Optional.ofNullable(processingEnv.getOptions().get(name))
        .map(d -> new BuildOptions.Directory("-A" + name, Path.of(d)));
  }

  private StencilBuild pipeline() {
    if (pipeline == null) {
      pipeline = new StencilBuild(processingEnv.getOptions(), System.getenv());
    }
    return pipeline;
  }

  /** Renders everything first, then writes, so a rendering failure leaves no file behind. */
  private void write(StencilSpec spec, BuiltLibrary build, List<EmitterBinding> emitters)
      throws StencilException {
    boolean generatedAvailable = processingEnv.getElementUtils()
        .getTypeElement(GENERATED) != null;
    JavaFile javaFile = new JavaWriter(spec.type(), generatedAvailable)
        .write(build.names(), build.variants(), build.libraries(), emitters);
    String entry = JavaWriter.entryClassName(ClassName.get(spec.type())).simpleName();
    List<String> generated = new ArrayList<>(List.of(entry + ".java"));
    generated.addAll(HeaderFiles.names(spec.library().header(),
        List.copyOf(build.libraries().keySet())));
    try {
      Optional<InputsRecord> record = InputsRecord.before(processingEnv.getFiler(),
          packageOf(spec.type()), spec.type(), entry, generated);
      HeaderFiles.write(sourceOutput(spec.type()), spec.library().header(), build);
      javaFile.writeTo(processingEnv.getFiler());
      if (record.isPresent()) {
        record.get().write(sourceOutput(spec.type()), build.inputs());
      }
    } catch (IOException e) {
      throw StencilException.onAnnotation("cannot write the generated files: " + e);
    }
  }

  private SourceOutput sourceOutput(TypeElement type) {
    return new SourceOutput(processingEnv.getFiler(), packageOf(type), type);
  }

  /**
   * Removes what an earlier build of {@code element} generated, so no stale file looks valid:
   * its entry class, and its headers for every triple (the annotation that names them may be
   * what is wrong), unless another interface of this compilation has that header name.
   */
  private void deleteGenerated(Element element) {
    if (!(element instanceof TypeElement type)) {
      return;
    }
    List<String> names = new ArrayList<>();
    String entry = JavaWriter.entryClassName(ClassName.get(type)).simpleName();
    names.add(entry + ".java");
    names.add(InputsRecord.name(entry));
    String header = (String) new SpecReader(processingEnv)
        .value(SpecReader.stencilAnnotation(type), "header").getValue();
    if (header.isEmpty() || StencilNames.headerProblem(header).isPresent()) {
      // an earlier build cannot have written a header the annotation cannot have; it most
      // likely wrote the default one, before the header was changed
      header = SpecReader.defaultHeader(type);
    }
    if (StencilNames.headerProblem(header).isEmpty()
        && headers.mayRemove(header, type.getQualifiedName().toString())) {
      names.addAll(HeaderFiles.names(header, List.of(Triple.values())));
    }
    List<String> failures = new ArrayList<>(HeaderFiles.remove(sourceOutput(type), names));
    failures.addAll(deleteEntryClasses(packageOf(type), entry));
    for (String failure : failures) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE,
          "stencil: could not check for a stale " + failure);
    }
  }

  /**
   * Removes the class files of the entry class {@code entry}, and of the classes nested in it,
   * that an earlier build compiled into the class output: a failed build compiles none, so the
   * last good build's would stay. Returns, for what could not be checked, why.
   */
  private List<String> deleteEntryClasses(String pkg, String entry) {
    String name = entry + ".class";
    Path directory;
    try {
      directory = Path.of(processingEnv.getFiler()
          .getResource(StandardLocation.CLASS_OUTPUT, pkg, name).toUri()).getParent();
    } catch (IOException | IllegalArgumentException | FileSystemNotFoundException e) {
      return List.of(name + ": javac's file manager shows it as no file (" + e + ")");
    }
    try (DirectoryStream<Path> classes =
        Files.newDirectoryStream(directory, "{" + entry + ".class," + entry + "$*.class}")) {
      for (Path file : classes) {
        Files.deleteIfExists(file);
      }
    } catch (NoSuchFileException e) {
      // no class output yet: nothing is stale
    } catch (IOException e) {
      return List.of(name + ": " + e);
    }
    return List.of();
  }

  private String packageOf(TypeElement type) {
    return processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString();
  }

  private void report(Element element, StencilException e) {
    if (e.member().isEmpty() || e.element().isPresent()) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.getMessage(),
          e.element().orElse(element));
    } else {
      printOn(Diagnostic.Kind.ERROR, e.getMessage(), element, e.member().get(), e.index());
    }
  }

  /**
   * Prints {@code message} on the value {@code member} of {@code element}'s {@code @Stencil}
   * (on its entry {@code index}, unless -1), or on the annotation when {@code member} is empty.
   */
  private void printOn(Diagnostic.Kind kind, String message, Element element, String member,
      int index) {
    AnnotationMirror mirror = SpecReader.stencilAnnotation(element);
    if (member.isEmpty()) {
      processingEnv.getMessager().printMessage(kind, message, element, mirror);
      return;
    }
    AnnotationValue value = new SpecReader(processingEnv).value(mirror, member);
    if (index >= 0 && value.getValue() instanceof List<?> entries && index < entries.size()) {
      value = (AnnotationValue) entries.get(index);
    }
    processingEnv.getMessager().printMessage(kind, message, element, mirror, value);
  }
}

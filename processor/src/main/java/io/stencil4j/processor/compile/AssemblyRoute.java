package io.stencil4j.processor.compile;

import io.stencil4j.processor.assembly.AssemblyOptimizer;
import io.stencil4j.processor.assembly.Producer;
import io.stencil4j.processor.target.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles a unit through assembly: {@code -S}, the {@link AssemblyOptimizer}, then the same
 * compiler (clang or gcc) again to assemble. Whatever this route cannot do (the compile fails, the output is not
 * the assembly of the unit's entries, the unit holds inline assembly) is left to the direct
 * compile, whose diagnostics point into the C sources; only a timeout ends the job here.
 */
final class AssemblyRoute {
  private final CompileJob job;
  private final Path source;
  private final Path assembly;
  private final Path object;
  private String note = "";

  AssemblyRoute(CompileJob job, Path source, Path assembly, Path object) {
    this.job = job;
    this.source = source;
    this.assembly = assembly;
    this.object = object;
  }

  /** The job's outcome through assembly, or empty to compile it directly. */
  Optional<StencilCompiler.Outcome> compile(StencilCompiler compiler)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    ProcessRunner.Result compiled = job.toolchain().run(compiler.command(job, source,
        List.of("-S", "-o", assembly.toString(), source.toString())),
        ProcessRunner.DIAGNOSTIC_LIMIT);
    if (compiled.timedOut()) {
      return Optional.of(StencilCompiler.timedOut(job, compiled));
    }
    if (compiled.exitCode() != 0 || !Files.isRegularFile(assembly)) {
      return Optional.empty();
    }
    // decoded leniently: what is not clang's assembly has no entries and is left alone
    String text = new String(Files.readAllBytes(assembly), StandardCharsets.UTF_8);
    Optional<String> optimized = definesEveryEntry(text)
        ? AssemblyOptimizer.optimize(text, job.triple(), producer()) : Optional.empty();
    if (optimized.isEmpty()) {
      return Optional.empty();
    }
    Files.writeString(assembly, optimized.get(), StandardCharsets.UTF_8);
    ProcessRunner.Result assembled = job.toolchain().run(assembleCommand(),
        ProcessRunner.DIAGNOSTIC_LIMIT);
    if (assembled.timedOut()) {
      return Optional.of(StencilCompiler.timedOut(job, assembled));
    }
    if (assembled.exitCode() != 0 || !Files.isRegularFile(object)) {
      note = "warning: Stencil4j's rewrite of the assembly of " + StencilCompiler.describe(job)
          + " did not assemble, so it was compiled without the rewrite; please report this:\n"
          + assembled.output().strip() + "\n";
      return Optional.empty();
    }
    return Optional.of(compiler.finish(job, source, object,
        new ProcessRunner.Result(0, compiled.output() + assembled.output(), false,
            compiled.cut() + assembled.cut()), System.nanoTime() - start));
  }

  /** What the direct compile should add to its warnings: why this route gave up, if it must. */
  String note() {
    return note;
  }

  private Producer producer() {
    return job.toolchain().kind() == Toolchain.Kind.GCC ? Producer.GCC : Producer.CLANG;
  }

  /**
   * The compiler assembling the unit with the flags it was compiled with (an {@code -march} may
   * allow instructions), which are otherwise unused: clang is told so, gcc ignores them.
   */
  private List<String> assembleCommand() {
    List<String> command = new ArrayList<>(job.toolchain().command(job.triple()));
    command.addAll(job.flags());
    if (job.toolchain().kind() == Toolchain.Kind.CLANG) {
      command.add("-Qunused-arguments");
    }
    command.addAll(List.of("-c", "-o", object.toString(), "-x", "assembler",
        assembly.toString()));
    return command;
  }

  /** Whether {@code text} defines the entry of every stencil of the unit, as the compiler's would. */
  private boolean definesEveryEntry(String text) {
    String prefix = Target.of(job.triple()).symbolPrefix();
    for (String name : job.unit().stencilNames()) {
      if (!text.contains("\n" + prefix + job.unit().entryName(name) + ":")) {
        return false;
      }
    }
    return true;
  }
}

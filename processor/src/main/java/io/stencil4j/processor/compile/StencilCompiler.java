package io.stencil4j.processor.compile;

import io.stencil4j.processor.diagnostic.StencilException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Runs compile jobs in parallel on all cores, in a private temporary directory that is removed
 * when the compiler is closed.
 */
public final class StencilCompiler implements AutoCloseable {
  private final Path directory;
  private int sequence;

  /**
   * A compiler with a temporary directory of its own.
   *
   * @throws IOException if the directory cannot be created
   */
  public StencilCompiler() throws IOException {
    this.directory = Files.createTempDirectory("stencil4j-");
  }

  /**
   * What one job gave: an object, or the compiler's diagnostics.
   *
   * @param timedOut whether the compiler was stopped at the timeout (compiling the cases of a
   *     batch one by one would only take longer)
   * @param job the job
   * @param object the object, or null if the compile failed
   * @param diagnostics the compiler's diagnostics if it failed
   */
  public record Outcome(CompileJob job, CompiledObject object, String diagnostics,
      boolean timedOut) {
    /** {@return whether the job gave an object} */
    public boolean succeeded() {
      return object != null;
    }
  }

  /**
   * {@return the error for a failed job (and how many others failed too), on the annotation's
   * {@code member}}
   *
   * @param outcome the failed job's outcome
   * @param others how many other jobs failed
   * @param member the {@code @Stencil} member the error is on
   */
  public static StencilException failure(Outcome outcome, int others, String member) {
    CompileJob job = outcome.job();
    String more = others > 0 ? "\n(" + others + " more compile(s) failed too)" : "";
    return StencilException.at(member, job.toolchain().kind().name()
        .toLowerCase(java.util.Locale.ROOT) + " failed on " + describe(job) + ":\n"
        + outcome.diagnostics().strip() + more);
  }

  /**
   * {@return runs every job, in parallel; failures come back as outcomes, in job order}
   *
   * @param jobs the jobs
   * @throws StencilException if the compiler cannot be run at all
   */
  public List<Outcome> run(List<CompileJob> jobs) throws StencilException {
    int threads = Math.max(1, Math.min(jobs.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "stencil4j-compile");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (CompileJob job : jobs) {
        Path source = directory.resolve(job.triple().triple())
            .resolve(sequence++ + "-" + job.unit().stencilNames().get(0) + ".c");
        futures.add(pool.submit(() -> run(job, source)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StencilException.onAnnotation("interrupted while compiling stencils");
    } catch (ExecutionException e) {
      throw StencilException.onAnnotation("cannot run the compiler: " + e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * {@return how messages name a job: "case PUSH_CONST for x86_64-unknown-linux-gnu" or "the
   * shim for ..."}
   *
   * @param job the job
   */
  public static String describe(CompileJob job) {
    return job.unit().describe() + " for " + job.triple().triple();
  }

  private Outcome run(CompileJob job, Path source) throws IOException, InterruptedException {
    Files.createDirectories(source.getParent());
    Files.writeString(source, job.unit().text(), StandardCharsets.UTF_8);
    Path object = sibling(source, ".o");
    AssemblyRoute route = new AssemblyRoute(job, source, sibling(source, ".s"), object);
    Optional<Outcome> optimized = route.compile(this);
    if (optimized.isPresent()) {
      return optimized.get();
    }
    String note = route.note();
    long start = System.nanoTime();
    ProcessRunner.Result result = job.toolchain().run(
        command(job, source, List.of("-o", object.toString(), source.toString())),
        ProcessRunner.DIAGNOSTIC_LIMIT);
    if (!note.isEmpty() && result.exitCode() == 0 && !result.timedOut()) {
      result = new ProcessRunner.Result(0, note + result.output(), false, result.cut());
    }
    return finish(job, source, object, result, System.nanoTime() - start);
  }

  /**
   * The compiler's command for {@code job}: its flags, a dependency file beside {@code source},
   * then {@code rest} (what to write, from what).
   */
  List<String> command(CompileJob job, Path source, List<String> rest) {
    List<String> command = new ArrayList<>();
    command.addAll(job.toolchain().command(job.triple()));
    command.addAll(job.flags());
    command.add("-ffile-prefix-map=" + directory + "=.");
    command.add("-MD");
    command.add("-MF");
    command.add(sibling(source, ".d").toString());
    command.addAll(rest);
    return command;
  }

  /**
   * The outcome of the run that wrote {@code object} and the dependency file: the object with
   * the headers it read, or why there is none.
   */
  Outcome finish(CompileJob job, Path source, Path object, ProcessRunner.Result result,
      long nanos) throws IOException {
    String compiler = job.toolchain().compiler().getFileName().toString();
    if (result.timedOut()) {
      return timedOut(job, result);
    }
    if (result.exitCode() != 0) {
      return failed(job, result.output().isBlank()
          ? compiler + " exited with status " + result.exitCode() + " and printed nothing"
          : result.output());
    }
    Path dependencies = sibling(source, ".d");
    if (!Files.isRegularFile(object) || !Files.isRegularFile(dependencies)) {
      return failed(job, compiler + " exited with status 0 but wrote no "
          + (Files.isRegularFile(object) ? "dependency file (-MF)" : "object file")
          + quoted(result.output()));
    }
    // decoded leniently: a garbled file is reported, not an exception
    String rule = new String(Files.readAllBytes(dependencies), StandardCharsets.UTF_8);
    Optional<List<String>> prerequisites = MakeRule.prerequisites(rule);
    if (prerequisites.isEmpty()) {
      String text = rule.strip();
      return failed(job, compiler + " exited with status 0 but its dependency file (-MF) is not "
          + "a make rule: \"" + (text.length() > 200 ? text.substring(0, 200) + "..." : text)
          + "\"");
    }
    List<Path> headers = new ArrayList<>();
    for (String name : prerequisites.get()) {
      Optional<Path> header = existingFile(name);
      if (header.isEmpty()) {
        return failed(job, compiler + " exited with status 0 but its dependency file (-MF) "
            + "names " + name + ", which does not exist");
      }
      if (!header.get().equals(source)) {
        headers.add(header.get());
      }
    }
    return new Outcome(job, new CompiledObject(job, object, Files.readAllBytes(object),
        result.output(), headers, nanos), result.output(), false);
  }

  static Outcome timedOut(CompileJob job, ProcessRunner.Result result) {
    String compiler = job.toolchain().compiler().getFileName().toString();
    return new Outcome(job, null, compiler + " "
        + ProcessRunner.didNotFinish(job.toolchain().timeout()) + quoted(result.output()), true);
  }

  static Path sibling(Path source, String extension) {
    return source.resolveSibling(source.getFileName().toString().replace(".c", extension));
  }

  private static Outcome failed(CompileJob job, String diagnostics) {
    return new Outcome(job, null, diagnostics, false);
  }

  private static String quoted(String output) {
    return output.isBlank() ? "" : "; it printed:\n" + output.strip();
  }

  private static Optional<Path> existingFile(String name) {
    try {
      Path path = Path.of(name);
      return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + directory, e);
    }
  }
}

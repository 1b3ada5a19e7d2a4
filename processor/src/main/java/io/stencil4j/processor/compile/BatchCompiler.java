package io.stencil4j.processor.compile;

import io.stencil4j.processor.diagnostic.StencilException;
import io.stencil4j.processor.spec.TemplateNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a build's compile jobs; a batch that fails is compiled again case by case (its template
 * repeats something that may not be repeated, such as a function definition), which either
 * works, with a note, or gives each failing case's own diagnostics.
 */
public final class BatchCompiler {
  private final StencilCompiler compiler;
  private final BatchPlanner planner;
  private final Map<String, String> members;

  /**
   * A compiler of batches that {@code planner} split into cases when a batch fails.
   *
   * @param members the {@code @Stencil} member of each source file, by the path the compiler
   *     names, for the errors' positions
   * @param compiler runs the jobs
   * @param planner gives each case's unit for a compile of its own
   */
  public BatchCompiler(StencilCompiler compiler, BatchPlanner planner,
      Map<String, String> members) {
    this.compiler = compiler;
    this.planner = planner;
    this.members = members;
  }

  /**
   * {@return the objects of {@code jobs}; a note for the user is added to {@code notes}}
   *
   * @param jobs the jobs, batches or single stencils
   * @param notes where the note that batches failed goes, once
   * @throws StencilException if a case fails alone too, with its diagnostics and position
   */
  public List<CompiledObject> compile(List<CompileJob> jobs, List<String> notes)
      throws StencilException {
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
              + "template once per case: define functions and variables outside "
              + TemplateNames.ENTRY + " in a header with an include guard, so that they are "
              + "defined once");
        }
        for (TranslationUnit unit : planner.alone(job.unit().stencilNames())) {
          alone.add(new CompileJob(unit, job.triple(), job.toolchain(),
              CompileFlags.alone(job.flags())));
        }
      } else {
        throw failure(outcome, outcomes);
      }
    }
    List<StencilCompiler.Outcome> aloneOutcomes = compiler.run(alone);
    for (StencilCompiler.Outcome outcome : aloneOutcomes) {
      if (!outcome.succeeded()) {
        throw failure(outcome, aloneOutcomes);
      }
      objects.add(outcome.object());
    }
    return objects;
  }

  /**
   * The error for the failed {@code outcome}, one of {@code outcomes}: on the file its first
   * error is in (a template's error in every case is the template's), else on the unit's.
   */
  private StencilException failure(StencilCompiler.Outcome outcome,
      List<StencilCompiler.Outcome> outcomes) {
    String member = outcome.diagnostics().lines().filter(l -> l.contains("error:")).findFirst()
        .flatMap(CompilerDiagnostics::location)
        .map(at -> members.getOrDefault(at.file(), outcome.job().unit().member()))
        .orElse(outcome.job().unit().member());
    int others = (int) outcomes.stream().filter(o -> !o.succeeded()).count() - 1;
    return StencilCompiler.failure(outcome, others, member);
  }

  private static String firstError(StencilCompiler.Outcome outcome) {
    return outcome.diagnostics().lines().filter(l -> l.contains("error:")).findFirst()
        .orElse("the compiler failed").strip();
  }
}

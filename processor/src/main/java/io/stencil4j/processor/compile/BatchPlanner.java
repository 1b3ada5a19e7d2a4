package io.stencil4j.processor.compile;

import io.stencil4j.processor.spec.SourceSet;
import io.stencil4j.processor.spec.StencilCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which translation units build a library's stencils: the cases in batches, or each alone. */
public final class BatchPlanner {
  /**
   * Cases per compiler run: a fixed number, so that the stencils (whose pooled constants depend
   * on their neighbours in the batch) are the same on every machine.
   */
  static final int BATCH_SIZE = 100;

  private final SourceSet sources;
  private final Map<String, TranslationUnit> alone = new LinkedHashMap<>();

  /**
   * A plan for the stencils of {@code sources}.
   *
   * @param sources the library's template, cases, shim and helpers
   */
  public BatchPlanner(SourceSet sources) {
    this.sources = sources;
    sources.wholeFiles().forEach(f -> alone.put(f.stencilName(), TranslationUnit.whole(f)));
    for (StencilCase stencilCase : sources.cases()) {
      alone.put(stencilCase.name(),
          TranslationUnit.forCase(sources.template().orElseThrow(), stencilCase));
    }
  }

  /**
   * {@return the units that build every stencil: the cases in batches of a fixed size, if batching}
   *
   * @param batching whether to batch the cases; false compiles each alone
   */
  public List<TranslationUnit> units(boolean batching) {
    List<TranslationUnit> units = new ArrayList<>();
    sources.wholeFiles().forEach(f -> units.add(alone(f.stencilName())));
    List<StencilCase> cases = sources.cases();
    if (batching && cases.size() > 1) {
      for (int start = 0; start < cases.size(); start += BATCH_SIZE) {
        units.add(TranslationUnit.batch(sources.template().orElseThrow(),
            cases.subList(start, Math.min(cases.size(), start + BATCH_SIZE))));
      }
    } else {
      units.addAll(alone(cases.stream().map(StencilCase::name).toList()));
    }
    return units;
  }

  /**
   * {@return a unit for each of the stencils {@code names}, compiled alone}
   *
   * @param names the stencils
   */
  public List<TranslationUnit> alone(List<String> names) {
    return names.stream().map(this::alone).toList();
  }

  /**
   * {@return the unit that compiles the stencil {@code name} alone}
   *
   * @param name the stencil
   */
  public TranslationUnit alone(String name) {
    return alone.get(name);
  }

  /** {@return the text of every stencil's unit for a compile of its own, by name, in order} */
  public Map<String, String> aloneTexts() {
    Map<String, String> texts = new LinkedHashMap<>();
    alone.forEach((name, unit) -> texts.put(name, unit.text()));
    return texts;
  }
}

package io.stencil4j.processor.compile;

import io.stencil4j.processor.spec.SourceFile;
import io.stencil4j.processor.spec.SplitTemplate;
import io.stencil4j.processor.spec.StencilCase;
import io.stencil4j.processor.spec.TemplateNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The C text the compiler compiles for one stencil, or for a batch of cases (each its own
 * function {@code _JIT_ENTRY_NAME}, in its own section, so one compiler run serves many
 * stencils). {@code #line} directives map every line back to the user's files, so diagnostics
 * name the template or cases file, line and column.
 *
 * @param stencilNames the stencils this compiles to
 * @param member the {@code @Stencil} member whose file is compiled, for error positions
 * @param text the C text
 * @param batch whether the cases' entries are renamed {@code _JIT_ENTRY_NAME}
 */
public record TranslationUnit(List<String> stencilNames, String member, String text,
    boolean batch) {
  /**
   * Copies the names, so that a unit cannot change once made.
   *
   * @param stencilNames the stencils this compiles to
   * @param member the {@code @Stencil} member whose file is compiled
   * @param text the C text
   * @param batch whether the cases' entries are renamed
   */
  public TranslationUnit {
    stencilNames = List.copyOf(stencilNames);
  }

  /**
   * {@return a file compiled as it is: the shim, the helpers, or a template without cases}
   *
   * @param source the file
   */
  public static TranslationUnit whole(SourceFile source) {
    return new TranslationUnit(List.of(source.stencilName()), source.member(),
        lineDirective(1, source.file()) + source.text(), false);
  }

  /**
   * {@return a template with one case pasted in place of its {@code CASE} token}
   *
   * @param template the template, split at {@code CASE}
   * @param stencilCase the case
   */
  public static TranslationUnit forCase(SplitTemplate template, StencilCase stencilCase) {
    String text = "enum { " + stencilCase.name() + " };\n" + instance(template, stencilCase);
    return new TranslationUnit(List.of(stencilCase.name()), "cases", text, false);
  }

  /**
   * {@return the template once per case, each instance's {@code _JIT_ENTRY} renamed {@code
   * _JIT_ENTRY_NAME}} Works for templates whose text outside the entry can be repeated:
   * declarations, macros, typedefs and guarded includes, but no definitions of functions or
   * variables at file scope.
   *
   * @param template the template, split at {@code CASE}
   * @param cases the cases of the batch
   */
  public static TranslationUnit batch(SplitTemplate template, List<StencilCase> cases) {
    StringBuilder text = new StringBuilder("enum { ");
    List<String> names = new ArrayList<>();
    for (StencilCase stencilCase : cases) {
      text.append(names.isEmpty() ? "" : ", ").append(stencilCase.name());
      names.add(stencilCase.name());
    }
    text.append(" };\n");
    for (StencilCase stencilCase : cases) {
      text.append("#define " + TemplateNames.ENTRY + " ")
          .append(TemplateNames.entryOf(stencilCase.name())).append('\n')
          .append(instance(template, stencilCase))
          .append("\n#undef " + TemplateNames.ENTRY + "\n#undef " + TemplateNames.CASE + "\n");
      stencilCase.variant().ifPresent(variant -> text.append("#undef ")
          .append(variant.parameter()).append("\n#undef ").append(variant.name()).append('\n'));
    }
    return new TranslationUnit(names, "cases", text.toString(), true);
  }

  /**
   * The template with {@code stencilCase} pasted in. A variant case's compile defines its
   * parameter as the value, and its name as a function-like macro, so that {@code case
   * LOAD(SLOT = 0..3):} reads {@code case LOAD_2:}.
   */
  private static String instance(SplitTemplate template, StencilCase stencilCase) {
    String variant = stencilCase.variant().map(v -> "#define " + v.parameter() + " "
        + stencilCase.value() + "\n#define " + v.name() + "(...) " + stencilCase.name() + "\n")
        .orElse("");
    return variant + "#define " + TemplateNames.CASE + " " + stencilCase.name() + "\n"
        + lineDirective(1, template.file())
        + template.before()
        + "\n" + lineDirective(stencilCase.line(), stencilCase.file())
        + stencilCase.text()
        + "\n" + lineDirective(template.caseLine(), template.file())
        + template.after();
  }

  /**
   * {@return the name of {@code stencilName}'s entry function in this unit}
   *
   * @param stencilName one of {@link #stencilNames()}
   */
  public String entryName(String stencilName) {
    return batch ? TemplateNames.entryOf(stencilName) : TemplateNames.ENTRY;
  }

  /** {@return how messages name this unit: "case PUSH_CONST", "the shim", "cases ADD ... SUB"} */
  public String describe() {
    if (batch) {
      return "cases " + stencilNames.get(0) + " ... " + stencilNames.get(stencilNames.size() - 1)
          + " (a batch of " + stencilNames.size() + ")";
    }
    return switch (member) {
      case "cases" -> "case " + stencilNames.get(0);
      case "shim" -> "the shim";
      case "helpers" -> "the helpers";
      default -> "the template";
    };
  }

  private static String lineDirective(int line, Path file) {
    String name = file.toString().replace("\\", "\\\\").replace("\"", "\\\"");
    return "#line " + line + " \"" + name + "\"\n";
  }
}

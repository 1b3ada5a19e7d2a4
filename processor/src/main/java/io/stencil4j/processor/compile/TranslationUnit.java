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
  public TranslationUnit {
    stencilNames = List.copyOf(stencilNames);
  }

  /** A file compiled as it is: the shim, or a template without cases. */
  public static TranslationUnit whole(SourceFile source) {
    return new TranslationUnit(List.of(source.stencilName()), source.member(),
        lineDirective(1, source.file()) + source.text(), false);
  }

  /** A template with one case pasted in place of its {@code CASE} token. */
  public static TranslationUnit forCase(SplitTemplate template, StencilCase stencilCase) {
    String text = "enum { " + stencilCase.name() + " };\n" + instance(template, stencilCase);
    return new TranslationUnit(List.of(stencilCase.name()), "cases", text, false);
  }

  /**
   * The template once per case, each instance's {@code _JIT_ENTRY} renamed
   * {@code _JIT_ENTRY_NAME}. Works for templates whose text outside the entry can be repeated:
   * declarations, macros, typedefs and guarded includes, but no definitions of functions or
   * variables at file scope.
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
    }
    return new TranslationUnit(names, "cases", text.toString(), true);
  }

  private static String instance(SplitTemplate template, StencilCase stencilCase) {
    return "#define " + TemplateNames.CASE + " " + stencilCase.name() + "\n"
        + lineDirective(1, template.file())
        + template.before()
        + "\n" + lineDirective(stencilCase.line(), stencilCase.file())
        + stencilCase.text()
        + "\n" + lineDirective(template.caseLine(), template.file())
        + template.after();
  }

  /** The name of {@code stencilName}'s entry function in this unit. */
  public String entryName(String stencilName) {
    return batch ? TemplateNames.entryOf(stencilName) : TemplateNames.ENTRY;
  }

  /** "case PUSH_CONST", "the shim", "cases ADD ... SUB" (a batch). */
  public String describe() {
    if (batch) {
      return "cases " + stencilNames.get(0) + " ... " + stencilNames.get(stencilNames.size() - 1)
          + " (a batch of " + stencilNames.size() + ")";
    }
    return switch (member) {
      case "cases" -> "case " + stencilNames.get(0);
      case "shim" -> "the shim";
      default -> "the template";
    };
  }

  private static String lineDirective(int line, Path file) {
    String name = file.toString().replace("\\", "\\\\").replace("\"", "\\\"");
    return "#line " + line + " \"" + name + "\"\n";
  }
}

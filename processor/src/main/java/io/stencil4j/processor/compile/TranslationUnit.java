package io.stencil4j.processor.compile;

import io.stencil4j.processor.diagnostic.StencilException;
import io.stencil4j.processor.spec.CaseSplitter;
import io.stencil4j.processor.spec.StencilCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  private static final Pattern CASE_TOKEN = Pattern.compile("\\bCASE\\b");

  public TranslationUnit {
    stencilNames = List.copyOf(stencilNames);
  }

  /** A file compiled as it is: the shim, or a template without cases. */
  public static TranslationUnit whole(String stencilName, String member, Path file, String text) {
    return new TranslationUnit(List.of(stencilName), member, lineDirective(1, file) + text,
        false);
  }

  /** A template with one case pasted in place of its {@code CASE} token. */
  public static TranslationUnit forCase(Template template, StencilCase stencilCase) {
    String text = "enum { " + stencilCase.name() + " };\n" + instance(template, stencilCase);
    return new TranslationUnit(List.of(stencilCase.name()), "cases", text, false);
  }

  /**
   * The template once per case, each instance's {@code _JIT_ENTRY} renamed
   * {@code _JIT_ENTRY_NAME}. Works for templates whose text outside the entry can be repeated:
   * declarations, macros, typedefs and guarded includes, but no definitions of functions or
   * variables at file scope.
   */
  public static TranslationUnit batch(Template template, List<StencilCase> cases) {
    StringBuilder text = new StringBuilder("enum { ");
    List<String> names = new ArrayList<>();
    for (StencilCase stencilCase : cases) {
      text.append(names.isEmpty() ? "" : ", ").append(stencilCase.name());
      names.add(stencilCase.name());
    }
    text.append(" };\n");
    for (StencilCase stencilCase : cases) {
      text.append("#define _JIT_ENTRY ").append(entryOf(stencilCase.name())).append('\n')
          .append(instance(template, stencilCase))
          .append("\n#undef _JIT_ENTRY\n#undef _JIT_CASE\n");
    }
    return new TranslationUnit(names, "cases", text.toString(), true);
  }

  private static String instance(Template template, StencilCase stencilCase) {
    return "#define _JIT_CASE " + stencilCase.name() + "\n"
        + lineDirective(1, template.file())
        + template.before()
        + "\n" + lineDirective(stencilCase.line(), stencilCase.file())
        + stencilCase.text()
        + "\n" + lineDirective(template.caseLine(), template.file())
        + template.after();
  }

  private static String entryOf(String stencilName) {
    return "_JIT_ENTRY_" + stencilName;
  }

  /** The name of {@code stencilName}'s entry function in this unit. */
  public String entryName(String stencilName) {
    return batch ? entryOf(stencilName) : "_JIT_ENTRY";
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

  /**
   * A template split at its {@code CASE} token.
   *
   * @param file the template file
   * @param before the text before the token
   * @param after the text after the token
   * @param caseLine the 1-based line of the token
   */
  public record Template(Path file, String before, String after, int caseLine) {

    /** Splits {@code text} at its one {@code CASE} token (comments and literals aside). */
    public static Template split(Path file, String text) throws StencilException {
      String code = blankCommentsAndLiterals(text);
      Matcher matcher = CASE_TOKEN.matcher(code);
      List<Integer> lines = new ArrayList<>();
      int start = -1;
      while (matcher.find()) {
        if (start < 0) {
          start = matcher.start();
        }
        lines.add(CaseSplitter.lineAt(text, matcher.start()));
      }
      if (lines.size() != 1) {
        throw StencilException.at("template", file + ": the template must contain the token CASE "
            + "exactly once, where each case is pasted; "
            + (lines.isEmpty() ? "it has none" : "it is on lines " + lines));
      }
      return new Template(file, text.substring(0, start), text.substring(start + 4), lines.get(0));
    }
  
    /** {@code text} with comments and string and character literals replaced by spaces. */
    private static String blankCommentsAndLiterals(String text) {
      char[] chars = text.toCharArray();
      int i = 0;
      while (i < chars.length) {
        char c = chars[i];
        char next = i + 1 < chars.length ? chars[i + 1] : 0;
        int end;
        if (c == '/' && next == '*') {
          int close = text.indexOf("*/", i + 2);
          end = close < 0 ? chars.length : close + 2;
        } else if (c == '/' && next == '/') {
          int newline = text.indexOf('\n', i);
          end = newline < 0 ? chars.length : newline;
        } else if (c == '"' || c == '\'') {
          end = i + 1;
          while (end < chars.length && chars[end] != c && chars[end] != '\n') {
            end += chars[end] == '\\' ? 2 : 1;
          }
          end = Math.min(end + 1, chars.length);
        } else {
          i++;
          continue;
        }
        for (int j = i; j < end; j++) {
          if (chars[j] != '\n') {
            chars[j] = ' ';
          }
        }
        i = end;
      }
      return new String(chars);
    }
  }
}

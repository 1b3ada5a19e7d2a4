package io.stencil4j.processor.assembly;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of assembly, classified: a label, an instruction (mnemonic and operands), a
 * directive, or nothing but a comment or blanks. Lines are kept as written unless rewritten.
 *
 * @param kind what the line is
 * @param text the line as it will be written
 * @param code the line without its comment, trimmed
 * @param name a label's name, or an instruction's mnemonic; empty otherwise
 * @param operands an instruction's operands as written; empty otherwise
 */
record AssemblyLine(Kind kind, String text, String code, String name, String operands) {
  private static final Pattern LABEL = Pattern.compile("([A-Za-z_.$][\\w.$@]*):");
  private static final Pattern INSTRUCTION = Pattern.compile("([a-z][\\w.]*)(?:\\s+(.*))?");

  /** What a line of assembly is. */
  enum Kind { LABEL, INSTRUCTION, DIRECTIVE, NOTHING }

  /** {@code text} classified, with comments starting at {@code comment}. */
  static AssemblyLine parse(String text, String comment) {
    String code = withoutComment(text, comment).trim();
    if (code.isEmpty()) {
      return new AssemblyLine(Kind.NOTHING, text, code, "", "");
    }
    Matcher label = LABEL.matcher(code);
    if (label.matches()) {
      return new AssemblyLine(Kind.LABEL, text, code, label.group(1), "");
    }
    if (code.startsWith(".")) {
      return new AssemblyLine(Kind.DIRECTIVE, text, code, "", "");
    }
    Matcher instruction = INSTRUCTION.matcher(code);
    if (instruction.matches()) {
      String operands = instruction.group(2) == null ? "" : instruction.group(2).trim();
      return new AssemblyLine(Kind.INSTRUCTION, text, code, instruction.group(1), operands);
    }
    // something the optimizer does not know; a directive is what it never touches
    return new AssemblyLine(Kind.DIRECTIVE, text, code, "", "");
  }

  /** An instruction written as clang writes one: a tab, the mnemonic, a tab, the operands. */
  static AssemblyLine instruction(String mnemonic, String operands) {
    String code = mnemonic + "\t" + operands;
    return new AssemblyLine(Kind.INSTRUCTION, "\t" + code, code, mnemonic, operands);
  }

  boolean isLabel() {
    return kind == Kind.LABEL;
  }

  boolean isInstruction() {
    return kind == Kind.INSTRUCTION;
  }

  /** {@code text} up to its comment, which may not start inside a string. */
  private static String withoutComment(String text, String comment) {
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (text.startsWith(comment, i)) {
        return text.substring(0, i);
      }
    }
    return text;
  }
}

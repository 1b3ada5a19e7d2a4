package io.stencil4j.processor.stencil;

import io.stencil4j.model.HoleValue;
import io.stencil4j.processor.object.Symbol;
import io.stencil4j.processor.spec.TemplateNames;
import io.stencil4j.processor.target.Reference;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the undefined symbols of a template stand for, by the template contract's names:
 * {@code _JIT_CONTINUE}, {@code _JIT_CODE} and {@code _JIT_DATA}, a parameter {@code _JIT_NAME},
 * a dllimport's {@code __imp_X}, or an external symbol.
 */
final class TemplateSymbols {
  private static final String IMPORT_PREFIX = "__imp_";
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

  private TemplateSymbols() {}

  /** {@code X}, when {@code symbol} is a dllimport's {@code __imp_X}: a slot holding X's address. */
  static Optional<Symbol> imported(Symbol symbol) {
    if (symbol.isDefined() || !symbol.name().startsWith(IMPORT_PREFIX)) {
      return Optional.empty();
    }
    return Optional.of(new Symbol(symbol.index(),
        symbol.name().substring(IMPORT_PREFIX.length()), Symbol.UNDEFINED, 0, 0,
        symbol.binding(), symbol.type()));
  }

  /**
   * What the undefined {@code symbol} (not an import) refers to: the next stencil, this stencil's
   * code or data, a parameter or an external symbol, named without the format's
   * {@code symbolPrefix}.
   */
  static Reference reference(Symbol symbol, String symbolPrefix) throws BadStencilException {
    String name = symbol.name().startsWith(symbolPrefix)
        ? symbol.name().substring(symbolPrefix.length()) : symbol.name();
    if (name.isEmpty()) {
      // ELF's symbol 0, as `.reloc` in inline assembly writes: an absolute value, not a hole
      throw new BadStencilException("a relocation without a symbol (" + describe(symbol)
          + ") cannot be patched by the emitter: refer to a symbol");
    }
    if (!name.startsWith(TemplateNames.PREFIX)) {
      return new Reference(HoleValue.SYMBOL, name, 0);
    }
    String hole = name.substring(TemplateNames.PREFIX.length());
    switch (hole) {
      case "CONTINUE":
        return new Reference(HoleValue.CONTINUE, "", 0);
      case "CODE":
        return new Reference(HoleValue.CODE, "", 0);
      case "DATA":
        return new Reference(HoleValue.DATA, "", 0);
      case "ENTRY":
        throw new BadStencilException(TemplateNames.ENTRY + " is used but not defined");
      default:
        if (!PARAMETER_NAME.matcher(hole).matches()) {
          throw new BadStencilException("hole " + name + ": a hole's name after "
              + TemplateNames.PREFIX + " must be UPPER_SNAKE_CASE (it maps to the emitter "
              + "parameter of the same name)");
        }
        return new Reference(HoleValue.PARAMETER, hole, 0);
    }
  }

  /** The symbol's name, or its index for a nameless one. */
  static String describe(Symbol symbol) {
    return symbol.name().isEmpty() ? "symbol #" + symbol.index() : symbol.name();
  }
}

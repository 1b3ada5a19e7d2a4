package io.stencil4j.processor.object;

import io.stencil4j.processor.object.CoffReader.Header;
import java.util.List;

/**
 * Reads a COFF symbol table into the model's symbols, each at its symbol-table index (in which
 * auxiliary records count); the auxiliary records themselves are left out.
 */
final class CoffSymbols {
  // The format's constants by the names of its specification (data, so they look alike).
  private static final int MAX_SECTION_NUMBER = 0xfeff;
  private static final int IMAGE_SYM_ABSOLUTE = -1;
  private static final int IMAGE_SYM_DEBUG = -2;

  private static final int IMAGE_SYM_CLASS_EXTERNAL = 2;
  private static final int IMAGE_SYM_CLASS_STATIC = 3;
  private static final int IMAGE_SYM_CLASS_LABEL = 6;
  private static final int IMAGE_SYM_CLASS_FILE = 103;
  private static final int IMAGE_SYM_CLASS_SECTION = 104;
  private static final int IMAGE_SYM_CLASS_WEAK_EXTERNAL = 105;
  private static final int IMAGE_SYM_DTYPE_FUNCTION = 2;


  private CoffSymbols() {}

  /** Every symbol by its symbol-table index; auxiliary records are null. */
  static Symbol[] read(CoffReader coff, List<Header> headers) throws MalformedObjectException {
    coff.budget().chargeEntries(coff.symbolCount(), "symbol table");
    Symbol[] symbols = new Symbol[coff.symbolCount()];
    for (int i = 0; i < coff.symbolCount(); i++) {
      long at = coff.symbolTableOffset() + (long) i * CoffReader.SYMBOL_SIZE;
      String name = symbolName(coff, at, i);
      long value = coff.file().u32(at + 8, "Value");
      int section =
          symbolSection(coff.file().u16(at + 12, "SectionNumber"), headers.size(), i, name);
      int storageClass = coff.file().u8(at + 16, "StorageClass");
      int auxCount = coff.file().u8(at + 17, "NumberOfAuxSymbols");
      if (auxCount > coff.symbolCount() - 1 - i) {
        throw new MalformedObjectException(Symbol.describe(i, name) + ": its " + auxCount
            + " auxiliary records extend past the end of the symbol table (" + coff.symbolCount()
            + " records)");
      }
      // The builder finds a defined symbol's bytes at its value; past the end there are none.
      if (section > 0 && value > headers.get(section - 1).size()) {
        throw new MalformedObjectException(Symbol.describe(i, name) + ": value 0x"
            + Long.toHexString(value) + " is past the end of " + headers.get(section - 1));
      }
      Symbol.Type type;
      if (storageClass == IMAGE_SYM_CLASS_FILE) {
        type = Symbol.Type.FILE;
      } else if (storageClass == IMAGE_SYM_CLASS_STATIC && section > 0 && value == 0
          && auxCount > 0) {
        type = Symbol.Type.SECTION; // a section definition, with its auxiliary record
      } else if ((coff.file().u16(at + 14, "Type") >>> 4 & 0xf) == IMAGE_SYM_DTYPE_FUNCTION) {
        type = Symbol.Type.FUNCTION;
      } else {
        type = Symbol.Type.NONE; // COFF does not tell data from other symbols
      }
      symbols[i] = new Symbol(i, name, section, value, 0, binding(storageClass, i, name), type);
      i += auxCount;
    }
    return symbols;
  }

  private static String symbolName(CoffReader coff, long at, int index)
      throws MalformedObjectException {
    // A name longer than 8 bytes is four zero bytes and its offset in the string table.
    if (coff.file().u32(at, "Name") == 0) {
      return coff.strings().get(coff.file().u32(at + 4, "Name offset"), "name of symbol " + index);
    }
    return coff.file().fixedString(at, 8, "Name of symbol " + index);
  }

  /** The model's section of a symbol whose SectionNumber field is {@code number}. */
  private static int symbolSection(int number, int sectionCount, int symbol, String name)
      throws MalformedObjectException {
    // The field is unsigned up to the largest section number, and signed above it.
    int section = number <= MAX_SECTION_NUMBER ? number : (short) number;
    if (section == IMAGE_SYM_ABSOLUTE || section == IMAGE_SYM_DEBUG) {
      return Symbol.ABSOLUTE;
    }
    if (section < 0 || section > sectionCount) {
      throw new MalformedObjectException(Symbol.describe(symbol, name) + ": section number "
          + section + " out of range (" + sectionCount + " sections)");
    }
    return section;
  }

  private static Symbol.Binding binding(int storageClass, int symbol, String name)
      throws MalformedObjectException {
    return switch (storageClass) {
      case IMAGE_SYM_CLASS_EXTERNAL -> Symbol.Binding.GLOBAL;
      case IMAGE_SYM_CLASS_WEAK_EXTERNAL -> Symbol.Binding.WEAK;
      case IMAGE_SYM_CLASS_STATIC, IMAGE_SYM_CLASS_LABEL, IMAGE_SYM_CLASS_FILE,
          IMAGE_SYM_CLASS_SECTION -> Symbol.Binding.LOCAL;
      default -> throw new MalformedObjectException(
          Symbol.describe(symbol, name) + ": unsupported storage class " + storageClass);
    };
  }
}

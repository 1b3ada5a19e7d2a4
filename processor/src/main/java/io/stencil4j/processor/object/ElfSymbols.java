package io.stencil4j.processor.object;

import io.stencil4j.processor.object.ElfReader.Header;
import java.util.ArrayList;
import java.util.List;

/** Reads an ELF symbol table into the model's symbols: sections, bindings and types checked. */
final class ElfSymbols {
  // The format's constants by the names of its specification (data, so they look alike).
  private static final int SYM_SIZE = 24;
  private static final int SHNDX_SIZE = 4;

  private static final int SHN_LORESERVE = 0xff00;
  private static final int SHN_X86_64_LCOMMON = 0xff02;
  private static final int SHN_ABS = 0xfff1;
  private static final int SHN_COMMON = 0xfff2;

  private static final int STB_LOCAL = 0;
  private static final int STB_GLOBAL = 1;
  private static final int STB_WEAK = 2;

  private ElfSymbols() {}

  /** The symbol table, or null if there is none. */
  static Header table(ElfReader elf) throws MalformedObjectException {
    List<Header> tables =
        elf.headers().stream().filter(h -> h.type() == ElfReader.SHT_SYMTAB).toList();
    if (tables.size() > 1) {
      throw new MalformedObjectException("more than one symbol table: "
          + elf.describe(tables.get(0)) + " and " + elf.describe(tables.get(1)));
    }
    if (tables.isEmpty()) {
      return null;
    }
    elf.requireEntries(tables.get(0), SYM_SIZE);
    return tables.get(0);
  }

  /** The symbols of {@code symtab}, without the null symbol at index 0. */
  static List<Symbol> read(ElfReader elf, Header symtab) throws MalformedObjectException {
    StringTable strings = elf.stringTable(symtab.link(), elf.describe(symtab) + " string table");
    int count = (int) (symtab.size() / SYM_SIZE);
    Header shndx = extendedIndexTable(elf, symtab, count);
    elf.budget().chargeEntries(count, elf.describe(symtab));
    List<Symbol> symbols = new ArrayList<>();
    // Entry 0 is the reserved null symbol.
    for (int i = 1; i < count; i++) {
      long at = symtab.offset() + (long) i * SYM_SIZE;
      String name = strings.get(elf.file().u32(at, "st_name"), "name of symbol " + i);
      int info = elf.file().u8(at + 4, "st_info");
      int section = symbolSection(elf, elf.file().u16(at + 6, "st_shndx"), shndx, i, name);
      Symbol.Type type = symbolType(info & 0xf);
      // Section symbols have no name of their own; llvm-readobj shows the section's name.
      if (type == Symbol.Type.SECTION && section > 0) {
        name = elf.name(section);
      }
      long value = elf.file().u64(at + 8, "st_value");
      // The builder finds a defined symbol's bytes at its value; past the end there are none.
      if (section > 0 && Long.compareUnsigned(value, elf.headers().get(section).size()) > 0) {
        throw new MalformedObjectException(Symbol.describe(i, name) + ": value 0x"
            + Long.toHexString(value) + " is past the end of "
            + elf.describe(elf.headers().get(section)));
      }
      symbols.add(new Symbol(i, name, section, value, elf.file().u64(at + 16, "st_size"),
          binding(info >>> 4, i, name), type));
    }
    return symbols;
  }

  /** The SHT_SYMTAB_SHNDX section that extends {@code symtab}, or null. */
  private static Header extendedIndexTable(ElfReader elf, Header symtab, int symbolCount)
      throws MalformedObjectException {
    for (Header h : elf.headers()) {
      if (h.type() == ElfReader.SHT_SYMTAB_SHNDX && h.link() == symtab.index()) {
        elf.requireEntries(h, SHNDX_SIZE);
        if (h.size() / SHNDX_SIZE != symbolCount) {
          throw new MalformedObjectException(elf.describe(h) + " has " + h.size() / SHNDX_SIZE
              + " entries, but " + elf.describe(symtab) + " has " + symbolCount + " symbols");
        }
        return h;
      }
    }
    return null;
  }

  /** The model's section index of symbol number {@code symbol}, whose st_shndx is {@code index}. */
  private static int symbolSection(ElfReader elf, int index, Header shndx, int symbol,
      String name)
      throws MalformedObjectException {
    if (index == SHN_COMMON
        || (index == SHN_X86_64_LCOMMON && elf.machine() == ElfReader.EM_X86_64)) {
      throw new MalformedObjectException(
          "common symbol " + name + ": compile with -fno-common");
    }
    if (index == SHN_ABS) {
      return Symbol.ABSOLUTE;
    }
    long section = index;
    if (index == ElfReader.SHN_XINDEX) {
      if (shndx == null) {
        throw new MalformedObjectException(Symbol.describe(symbol, name)
            + ": section index is SHN_XINDEX, but there is no SHT_SYMTAB_SHNDX section");
      }
      section = elf.file().u32(shndx.offset() + (long) symbol * SHNDX_SIZE,
          "SHT_SYMTAB_SHNDX entry");
    } else if (index >= SHN_LORESERVE) {
      throw new MalformedObjectException(Symbol.describe(symbol, name)
          + ": unsupported section index 0x" + Integer.toHexString(index));
    }
    if (section >= elf.headers().size()) {
      throw new MalformedObjectException(Symbol.describe(symbol, name) + ": section index "
          + section + " out of range (" + elf.headers().size() + " sections)");
    }
    return (int) section;
  }

  private static Symbol.Binding binding(int binding, int symbol, String name)
      throws MalformedObjectException {
    return switch (binding) {
      case STB_LOCAL -> Symbol.Binding.LOCAL;
      case STB_GLOBAL -> Symbol.Binding.GLOBAL;
      case STB_WEAK -> Symbol.Binding.WEAK;
      default -> throw new MalformedObjectException(
          Symbol.describe(symbol, name) + ": unsupported binding " + binding);
    };
  }

  private static Symbol.Type symbolType(int type) {
    return switch (type) {
      case 0 -> Symbol.Type.NONE;
      case 1 -> Symbol.Type.OBJECT;
      case 2 -> Symbol.Type.FUNCTION;
      case 3 -> Symbol.Type.SECTION;
      case 4 -> Symbol.Type.FILE;
      default -> Symbol.Type.OTHER;
    };
  }
}

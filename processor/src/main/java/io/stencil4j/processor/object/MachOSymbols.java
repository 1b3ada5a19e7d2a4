package io.stencil4j.processor.object;

import io.stencil4j.processor.object.MachOReader.Header;

/**
 * Reads a Mach-O symbol table into the model's symbols at their {@code nlist_64} indices, with
 * values made relative to their sections; debugging (STAB) entries are left out.
 */
final class MachOSymbols {
  // The format's constants by the names of its specification (data, so they look alike).
  private static final int N_STAB = 0xe0;
  private static final int N_PEXT = 0x10;
  private static final int N_TYPE = 0x0e;
  private static final int N_EXT = 0x01;
  private static final int N_UNDF = 0x0;
  private static final int N_ABS = 0x2;
  private static final int N_INDR = 0xa;
  private static final int N_PBUD = 0xc;
  private static final int N_SECT = 0xe;
  private static final int N_WEAK_REF = 0x40;
  private static final int N_WEAK_DEF = 0x80;

  private MachOSymbols() {}

  /** Every symbol at its nlist index; null for the debugging (STAB) entries, which are left out. */
  static Symbol[] read(MachOReader macho) throws MalformedObjectException {
    MachOReader.SymbolTable table = macho.symbolTable();
    if (table == null) {
      return new Symbol[0];
    }
    ByteReader file = macho.file();
    macho.budget().chargeEntries(table.count(), "symbol table");
    Symbol[] symbols = new Symbol[(int) table.count()];
    for (int i = 0; i < symbols.length; i++) {
      long at = table.offset() + (long) i * MachOReader.NLIST_SIZE;
      int type = file.u8(at + 4, "n_type");
      if ((type & N_STAB) == 0) {
        String name = table.strings().get(file.u32(at, "n_strx"), "name of symbol " + i);
        symbols[i] = symbol(macho, i, name, type, file.u8(at + 5, "n_sect"),
            file.u16(at + 6, "n_desc"), file.u64(at + 8, "n_value"));
      }
    }
    return symbols;
  }

  private static Symbol symbol(MachOReader macho, int index, String name, int type,
      int sectionNumber, int desc, long value) throws MalformedObjectException {
    String what = Symbol.describe(index, name);
    boolean external = (type & (N_EXT | N_PEXT)) != 0;
    switch (type & N_TYPE) {
      case N_UNDF -> {
        if (value != 0) {
          throw new MalformedObjectException(
              "common symbol " + name + ": compile with -fno-common");
        }
        return new Symbol(index, name, Symbol.UNDEFINED, 0, 0,
            binding(external, (desc & N_WEAK_REF) != 0), Symbol.Type.NONE);
      }
      case N_ABS -> {
        return new Symbol(index, name, Symbol.ABSOLUTE, value, 0, binding(external, false),
            Symbol.Type.NONE);
      }
      case N_SECT -> {
        if (sectionNumber < 1 || sectionNumber > macho.headers().size()) {
          throw new MalformedObjectException(what + ": section number " + sectionNumber
              + " out of range (" + macho.headers().size() + " sections)");
        }
        Header h = macho.headers().get(sectionNumber - 1);
        long offset = value - h.address();
        // Past the end of its section, a symbol has no bytes for the builder to find.
        if (Long.compareUnsigned(offset, h.size()) > 0) {
          throw new MalformedObjectException(what + ": address 0x" + Long.toHexString(value)
              + " is outside " + h + " (0x" + Long.toHexString(h.address()) + ", "
              + h.size() + " bytes)");
        }
        Symbol.Type symbolType = switch (MachOReader.kind(h)) {
          case CODE -> Symbol.Type.FUNCTION;
          case DATA, ZERO_FILL, THREAD_LOCAL -> Symbol.Type.OBJECT;
          case OTHER -> Symbol.Type.NONE;
        };
        return new Symbol(index, name, sectionNumber, offset, 0,
            binding(external, (desc & N_WEAK_DEF) != 0), symbolType);
      }
      case N_INDR, N_PBUD -> throw new MalformedObjectException(
          what + ": unsupported symbol type 0x" + Integer.toHexString(type & N_TYPE));
      default -> throw new MalformedObjectException(
          what + ": invalid symbol type 0x" + Integer.toHexString(type & N_TYPE));
    }
  }

  private static Symbol.Binding binding(boolean external, boolean weak) {
    if (!external) {
      return Symbol.Binding.LOCAL;
    }
    return weak ? Symbol.Binding.WEAK : Symbol.Binding.GLOBAL;
  }
}

package io.stencil4j.processor.object;

import io.stencil4j.processor.object.ElfReader.Header;
import java.util.ArrayList;
import java.util.List;

/** Reads an ELF file's SHT_RELA sections into the relocations of the sections they apply to. */
final class ElfRelocations {
  private static final int RELA_SIZE = 24;

  private ElfRelocations() {}

  /** The relocations of every section, indexed by section index. */
  static List<List<Relocation>> read(ElfReader elf, Header symtab, List<Symbol> symbols)
      throws MalformedObjectException {
    ByteReader file = elf.file();
    List<Header> headers = elf.headers();
    List<List<Relocation>> relocations = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      relocations.add(new ArrayList<>());
    }
    // r_sym 0 means "no symbol" (the value is the addend alone). A nameless undefined symbol
    // keeps Relocation.symbol non-null, and such a relocation resolves like an unknown extern.
    Symbol none = new Symbol(0, "", Symbol.UNDEFINED, 0, 0, Symbol.Binding.LOCAL,
        Symbol.Type.NONE);
    for (Header h : headers) {
      if (h.type() != ElfReader.SHT_RELA) {
        continue;
      }
      elf.requireEntries(h, RELA_SIZE);
      if (symtab == null || h.link() != symtab.index()) {
        throw new MalformedObjectException(elf.describe(h) + ": sh_link " + h.link()
            + " is not the symbol table");
      }
      if (h.info() == 0 || h.info() >= headers.size()) {
        throw new MalformedObjectException(elf.describe(h) + ": sh_info " + h.info()
            + " is not a section (" + headers.size() + " sections)");
      }
      Header target = headers.get((int) h.info());
      elf.budget().chargeEntries(h.size() / RELA_SIZE, elf.describe(h));
      for (long i = 0; i < h.size() / RELA_SIZE; i++) {
        long at = h.offset() + i * RELA_SIZE;
        long offset = file.u64(at, "r_offset");
        long info = file.u64(at + 8, "r_info");
        long symbolIndex = info >>> 32;
        int type = (int) info;
        if (offset < 0 || offset >= target.size()) {
          throw new MalformedObjectException("relocation " + i + " in " + elf.describe(h)
              + ": offset 0x" + Long.toHexString(offset) + " is outside " + elf.describe(target)
              + " (" + target.size() + " bytes)");
        }
        if (symbolIndex > symbols.size()) {
          throw new MalformedObjectException("relocation " + i + " in " + elf.describe(h)
              + ": symbol index " + symbolIndex + " out of range (" + (symbols.size() + 1)
              + " symbols)");
        }
        Symbol symbol = symbolIndex == 0 ? none : symbols.get((int) symbolIndex - 1);
        boolean inCode = (target.flags() & ElfReader.SHF_EXECINSTR) != 0;
        relocations.get(target.index()).add(new Relocation(offset, type,
            ElfRelocationType.name(elf.machine(), type), symbol, file.u64(at + 16, "r_addend"),
            ElfRelocationType.pcBias(elf.machine(), type, inCode)));
      }
    }
    return relocations;
  }
}

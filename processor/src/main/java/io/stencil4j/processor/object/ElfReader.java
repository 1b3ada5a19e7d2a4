package io.stencil4j.processor.object;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ELF64 little-endian relocatable objects ({@code ET_REL}) for x86-64 and AArch64: the file
 * header and the section headers here, the symbols in {@link ElfSymbols}, the relocations in
 * {@link ElfRelocations}.
 *
 * <p>Bad input ends in a {@link MalformedObjectException}, as the package says.
 */
public final class ElfReader {
  // The format's constants by the names of its specification (data, so they look alike).
  static final int EM_X86_64 = 62;
  static final int EM_AARCH64 = 183;
  /** An index kept elsewhere: e_shstrndx in section 0's sh_link, st_shndx in SHT_SYMTAB_SHNDX. */
  static final int SHN_XINDEX = 0xffff;

  private static final int EHDR_SIZE = 64;
  private static final int SHDR_SIZE = 64;

  private static final int ELFCLASS32 = 1;
  private static final int ELFCLASS64 = 2;
  private static final int ELFDATA2LSB = 1;
  private static final int ELFDATA2MSB = 2;
  private static final int ET_REL = 1;

  private static final long SHT_NULL = 0;
  static final long SHT_SYMTAB = 2;
  private static final long SHT_STRTAB = 3;
  static final long SHT_RELA = 4;
  private static final long SHT_NOBITS = 8;
  private static final long SHT_REL = 9;
  static final long SHT_SYMTAB_SHNDX = 18;
  private static final long SHT_RELR = 19;
  private static final long SHT_CREL = 0x40000014;

  private static final long SHF_ALLOC = 0x2;
  private static final long SHF_TLS = 0x400;
  static final long SHF_EXECINSTR = 0x4;
  private static final long SHF_MERGE = 0x10;
  private static final long SHF_STRINGS = 0x20;


  /** One section header, with the unsigned 32-bit fields widened to long. */
  record Header(int index, long nameOffset, long type, long flags, long offset, long size,
      long link, long info, long addralign, long entsize) {}

  private final ByteReader file;
  private final MemoryBudget budget;
  private int machine;
  private List<Header> headers;
  private String[] names;

  private ElfReader(byte[] bytes) {
    this.file = new ByteReader(bytes, ByteOrder.LITTLE_ENDIAN);
    this.budget = new MemoryBudget(bytes.length);
  }

  /**
   * Reads the object file in {@code bytes}.
   *
   * @throws MalformedObjectException if {@code bytes} is not an ELF64 little-endian relocatable
   *     object for x86-64 or AArch64, or is damaged
   * @param bytes the file's contents
   * @return the sections, relocations and symbols
   */
  public static ObjectFile read(byte[] bytes) throws MalformedObjectException {
    checkIdentification(bytes);
    return new ElfReader(bytes).read();
  }

  private ObjectFile read() throws MalformedObjectException {
    readFileHeader();
    Header symtab = ElfSymbols.table(this);
    List<Symbol> symbols = symtab == null ? List.of() : ElfSymbols.read(this, symtab);
    List<List<Relocation>> relocations = ElfRelocations.read(this, symtab, symbols);
    List<Section> sections = new ArrayList<>();
    for (Header h : headers) {
      sections.add(section(h, relocations.get(h.index())));
    }
    return new ObjectFile(ObjectFile.Format.ELF, machine, machine == EM_X86_64
        ? ObjectFile.Architecture.X86_64 : ObjectFile.Architecture.AARCH64, sections, symbols);
  }

  /** Checks e_ident: the magic, and a class and data encoding the reader supports. */
  private static void checkIdentification(byte[] bytes) throws MalformedObjectException {
    if (bytes.length < 4 || bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L'
        || bytes[3] != 'F') {
      throw new MalformedObjectException("not an ELF file");
    }
    if (bytes.length < 6) {
      throw new MalformedObjectException("truncated ELF header: " + bytes.length + " bytes");
    }
    switch (bytes[4]) {
      case ELFCLASS64 -> { }
      case ELFCLASS32 -> throw new MalformedObjectException("ELF32 is not supported");
      default -> throw new MalformedObjectException("invalid ELF class " + bytes[4]);
    }
    switch (bytes[5]) {
      case ELFDATA2LSB -> { }
      case ELFDATA2MSB -> throw new MalformedObjectException("big-endian ELF is not supported");
      default -> throw new MalformedObjectException("invalid ELF data encoding " + bytes[5]);
    }
    if (bytes.length < EHDR_SIZE) {
      throw new MalformedObjectException(
          "truncated ELF header: " + bytes.length + " bytes, need " + EHDR_SIZE);
    }
  }

  private void readFileHeader() throws MalformedObjectException {
    int type = file.u16(16, "e_type");
    if (type != ET_REL) {
      throw new MalformedObjectException("not a relocatable object file (e_type " + type + ")");
    }
    machine = file.u16(18, "e_machine");
    if (machine != EM_X86_64 && machine != EM_AARCH64) {
      throw new MalformedObjectException("unsupported machine " + machine);
    }
    readSectionHeaders(file.u64(0x28, "e_shoff"), file.u16(0x3a, "e_shentsize"),
        file.u16(0x3c, "e_shnum"), file.u16(0x3e, "e_shstrndx"));
  }

  private void readSectionHeaders(long shoff, int shentsize, int shnum, int shstrndx)
      throws MalformedObjectException {
    if (shoff == 0) {
      throw new MalformedObjectException("no section header table");
    }
    if (shentsize != SHDR_SIZE) {
      throw new MalformedObjectException(
          "e_shentsize is " + shentsize + ", expected " + SHDR_SIZE);
    }
    file.requireInFile(shoff, SHDR_SIZE, "section header table");
    Header first = header(shoff, 0);
    // Values that do not fit below SHN_LORESERVE are kept in the null section's header: the
    // count (e_shnum 0) in sh_size, the name table index (e_shstrndx SHN_XINDEX) in sh_link.
    long count = shnum != 0 ? shnum : first.size();
    if (count < 1 || count > (file.length() - shoff) / SHDR_SIZE) {
      throw new MalformedObjectException("section header table (" + Long.toUnsignedString(count)
          + " entries at offset 0x" + Long.toHexString(shoff)
          + ") extends past the end of the file (" + file.length() + " bytes)");
    }
    headers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      headers.add(header(shoff + (long) i * SHDR_SIZE, i));
    }
    long nameTableIndex = shstrndx != SHN_XINDEX ? shstrndx : first.link();
    StringTable nameTable = stringTable(nameTableIndex, "section name table");
    names = new String[headers.size()];
    for (Header h : headers) {
      names[h.index()] = nameTable.get(h.nameOffset(), "name of section " + h.index());
    }
    for (Header h : headers) {
      checkSection(h);
    }
  }

  private Header header(long at, int index) throws MalformedObjectException {
    return new Header(index, file.u32(at, "sh_name"), file.u32(at + 4, "sh_type"),
        file.u64(at + 8, "sh_flags"), file.u64(at + 24, "sh_offset"),
        file.u64(at + 32, "sh_size"), file.u32(at + 40, "sh_link"), file.u32(at + 44, "sh_info"),
        file.u64(at + 48, "sh_addralign"), file.u64(at + 56, "sh_entsize"));
  }

  private void checkSection(Header h) throws MalformedObjectException {
    if (h.type() != SHT_NULL && h.type() != SHT_NOBITS) {
      file.requireInFile(h.offset(), h.size(), describe(h) + " contents");
    } else if (h.size() < 0) {
      throw new MalformedObjectException(describe(h) + ": size " + Long.toUnsignedString(h.size())
          + " is too large");
    }
    if (h.addralign() < 0 || Long.bitCount(h.addralign()) > 1) {
      throw new MalformedObjectException(describe(h) + ": alignment "
          + Long.toUnsignedString(h.addralign()) + " is not a power of two");
    }
    // An executable section without contents has no machine code to copy.
    if (h.type() == SHT_NOBITS && (h.flags() & SHF_EXECINSTR) != 0) {
      throw new MalformedObjectException(describe(h) + ": executable SHT_NOBITS section");
    }
    // A stencil takes single entries of a mergeable section: their size must be known.
    if ((h.flags() & SHF_MERGE) != 0 && (h.flags() & SHF_ALLOC) != 0) {
      if (h.type() == SHT_NOBITS) {
        throw new MalformedObjectException(describe(h) + ": SHF_MERGE section of type "
            + "SHT_NOBITS: a pool of entries without contents");
      }
      if (h.entsize() <= 0) {
        throw new MalformedObjectException(describe(h) + ": SHF_MERGE section with sh_entsize "
            + Long.toUnsignedString(h.entsize()));
      }
      // a string pool's entry size is its character's: the builder scans for terminators
      if ((h.flags() & SHF_STRINGS) != 0 && h.entsize() != 1 && h.entsize() != 2
          && h.entsize() != 4) {
        throw new MalformedObjectException(describe(h) + ": SHF_STRINGS section with sh_entsize "
            + Long.toUnsignedString(h.entsize()) + ", not a character size (1, 2 or 4)");
      }
      if ((h.flags() & SHF_STRINGS) == 0 && h.size() % h.entsize() != 0) {
        throw new MalformedObjectException(describe(h) + ": size " + h.size()
            + " is not a multiple of the entry size " + h.entsize());
      }
    }
    // Relocations in a format this reader does not decode would be silently lost.
    if (h.type() == SHT_REL) {
      throw new MalformedObjectException(describe(h) + ": SHT_REL relocations are not supported");
    }
    if (h.type() == SHT_RELR || h.type() == SHT_CREL) {
      throw new MalformedObjectException(describe(h) + ": relocation section type 0x"
          + Long.toHexString(h.type()) + " is not supported");
    }
  }

  private Section section(Header h, List<Relocation> relocations)
      throws MalformedObjectException {
    boolean hasContents = h.type() != SHT_NULL && h.type() != SHT_NOBITS;
    if (hasContents) {
      budget.charge(h.size(), describe(h) + " contents");
    }
    byte[] contents = hasContents
        ? file.copy(h.offset(), h.size(), describe(h) + " contents")
        : new byte[0];
    Section.Merge merge = (h.flags() & (SHF_MERGE | SHF_ALLOC)) != (SHF_MERGE | SHF_ALLOC)
        ? Section.Merge.NONE
        : (h.flags() & SHF_STRINGS) != 0 ? Section.Merge.STRINGS : Section.Merge.CONSTANTS;
    return new Section(h.index(), names[h.index()], kind(h), h.type(), h.flags(),
        Math.max(1, h.addralign()), h.size(), contents, relocations, merge,
        merge == Section.Merge.NONE ? 0 : h.entsize());
  }

  private static Section.Kind kind(Header h) {
    if (h.type() == SHT_NULL || (h.flags() & SHF_ALLOC) == 0) {
      return Section.Kind.OTHER;
    }
    if ((h.flags() & SHF_TLS) != 0) {
      return Section.Kind.THREAD_LOCAL;
    }
    if ((h.flags() & SHF_EXECINSTR) != 0) {
      return Section.Kind.CODE;
    }
    return h.type() == SHT_NOBITS ? Section.Kind.ZERO_FILL : Section.Kind.DATA;
  }

  StringTable stringTable(long index, String what) throws MalformedObjectException {
    if (index == 0 || index >= headers.size()) {
      throw new MalformedObjectException(
          what + ": section index " + index + " out of range (" + headers.size() + " sections)");
    }
    Header h = headers.get((int) index);
    if (h.type() != SHT_STRTAB) {
      throw new MalformedObjectException(what + ": section " + index + " is not SHT_STRTAB");
    }
    file.requireInFile(h.offset(), h.size(), what + " (section " + index + ")");
    return new StringTable(file, h.offset(), h.size(), 0, "string table section " + index,
        budget);
  }

  /** Checks that {@code h} is a table of {@code entrySize}-byte entries. */
  void requireEntries(Header h, int entrySize) throws MalformedObjectException {
    if (h.entsize() != entrySize) {
      throw new MalformedObjectException(describe(h) + ": sh_entsize is "
          + Long.toUnsignedString(h.entsize()) + ", expected " + entrySize);
    }
    if (h.size() % entrySize != 0) {
      throw new MalformedObjectException(describe(h) + ": size " + h.size()
          + " is not a multiple of the entry size " + entrySize);
    }
  }

  String describe(Header h) {
    String name = names == null ? null : names[h.index()];
    return "section " + h.index() + (name == null ? "" : " (" + name + ")");
  }

  // What this format's symbol and relocation readers take from the file read so far; the
  // three readers repeat the shape because each format reads different parts.
  ByteReader file() {
    return file;
  }

  MemoryBudget budget() {
    return budget;
  }

  int machine() {
    return machine;
  }

  List<Header> headers() {
    return headers;
  }

  /** The name of section {@code index}. */
  String name(int index) {
    return names[index];
  }
}

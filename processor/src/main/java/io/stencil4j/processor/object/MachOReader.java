package io.stencil4j.processor.object;

import io.stencil4j.processor.object.MachORelocationTypes.Addend;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads 64-bit little-endian Mach-O relocatable objects ({@code MH_OBJECT}) for x86-64 and
 * arm64.
 *
 * <p>The model follows the file: sections are numbered from 1 in load-command order across all
 * segments (the numbering {@code n_sect} and section-based relocations use), symbols keep their
 * {@code nlist_64} index, and a symbol's value is its offset within its section.
 *
 * <p>Mach-O relocations have no addend field. The reader turns the implicit addend into the one an
 * ELF RELA relocation would carry, so that {@code S + A} (absolute types) or {@code S + A - P}
 * (PC-relative types, {@code P} the address of the patched field) is what the object means, with
 * {@code S} the symbol's address, or the section's start for a section-based relocation:
 *
 * <ul>
 *   <li>x86-64 PC-relative types ({@code SIGNED*}, {@code BRANCH}, {@code GOT*}, {@code TLV})
 *       store a displacement from the end of the 4-byte field, so A is the field minus 4. The
 *       {@code SIGNED_1/2/4} types already have the bytes of a following immediate subtracted in
 *       the field, so they need nothing more. A section-based field holds the final displacement
 *       between the object's own addresses, which is converted to the section-relative addend.
 *   <li>{@code *_UNSIGNED} fields hold the addend, or an address in the object's address space if
 *       section-based, which is made relative to the section's start.
 *   <li>A {@code *_SUBTRACTOR} entry (addend 0) names the subtrahend of the {@code *_UNSIGNED}
 *       entry that follows it at the same offset: the field is {@code S(unsigned) + A -
 *       S(subtractor)}, with A on the {@code *_UNSIGNED} entry. Both entries are returned.
 *   <li>arm64 instructions hold no addend: it comes from a preceding {@code ARM64_RELOC_ADDEND}
 *       entry, which is folded into the next relocation and not returned itself.
 * </ul>
 *
 * <p>A section-based relocation ({@code r_extern} 0) refers to a synthetic symbol that stands for
 * the section: named after it, with index {@link #SECTION_SYMBOL_INDEX}, value 0 and type
 * {@link Symbol.Type#SECTION}.
 *
 * <p>Every offset, size and index taken from the file is checked before it is used, so bad input
 * ends in a {@link MalformedObjectException} that says what is wrong.
 */
public final class MachOReader {
  static final int CPU_TYPE_X86_64 = 0x01000007;
  static final int CPU_TYPE_ARM64 = 0x0100000c;

  /** The {@link Symbol#index()} of the synthetic symbols of section-based relocations. */
  public static final int SECTION_SYMBOL_INDEX = -1;

  private static final int MH_MAGIC_64 = 0xfeedfacf;
  private static final int MH_MAGIC = 0xfeedface;
  private static final int MH_OBJECT = 1;
  private static final int HEADER_SIZE = 32;

  private static final int LC_SEGMENT = 0x1;
  private static final int LC_SYMTAB = 0x2;
  private static final int LC_SEGMENT_64 = 0x19;
  private static final int LOAD_COMMAND_SIZE = 8;
  private static final int SYMTAB_COMMAND_SIZE = 24;
  private static final int SEGMENT_COMMAND_SIZE = 72;
  private static final int SECTION_HEADER_SIZE = 80;
  private static final int NLIST_SIZE = 16;
  private static final int RELOCATION_SIZE = 8;

  private static final int S_ZEROFILL = 0x1;
  private static final int S_GB_ZEROFILL = 0xc;
  private static final int S_CSTRING_LITERALS = 0x2;
  private static final int S_4BYTE_LITERALS = 0x3;
  private static final int S_8BYTE_LITERALS = 0x4;
  private static final int S_16BYTE_LITERALS = 0xe;
  private static final int S_THREAD_LOCAL_REGULAR = 0x11;
  private static final int S_THREAD_LOCAL_ZEROFILL = 0x12;
  private static final int S_THREAD_LOCAL_INIT_FUNCTION_POINTERS = 0x15;
  private static final long S_ATTR_PURE_INSTRUCTIONS = 0x80000000L;
  private static final long S_ATTR_DEBUG = 0x02000000L;
  private static final long S_ATTR_SOME_INSTRUCTIONS = 0x400L;
  private static final long CODE_ATTRIBUTES = S_ATTR_PURE_INSTRUCTIONS | S_ATTR_SOME_INSTRUCTIONS;
  // Far beyond what C can ask for (clang stops at 2^28); it keeps 1 << align a sane long.
  private static final int MAX_ALIGNMENT_LOG2 = 31;

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

  private static final int R_SCATTERED = 0x80000000;

  /** One section header, with the unsigned 32-bit fields widened to long. */
  private record Header(int index, String name, String segment, long address, long size,
      long offset, long align, long relocationOffset, long relocationCount, long flags) {

    long type() {
      return flags & 0xff;
    }

    boolean isZeroFill() {
      return type() == S_ZEROFILL || type() == S_GB_ZEROFILL
          || type() == S_THREAD_LOCAL_ZEROFILL;
    }

    @Override
    public String toString() {
      return "section " + index + " (" + segment + "," + name + ")";
    }
  }

  /** The LC_SYMTAB command's symbol table and its string table. */
  private record SymbolTable(long offset, long count, StringTable strings) {}

  private final ByteReader file;
  /** The same bytes read big-endian, for the magic numbers of the files the reader rejects. */
  private final ByteReader bigEndian;
  private final MemoryBudget budget;
  private int cputype;
  private final List<Header> headers = new ArrayList<>();
  private SymbolTable symbolTable;

  private MachOReader(byte[] bytes) {
    this.file = new ByteReader(bytes, ByteOrder.LITTLE_ENDIAN);
    this.bigEndian = new ByteReader(bytes, ByteOrder.BIG_ENDIAN);
    this.budget = new MemoryBudget(bytes.length);
  }

  /**
   * Reads the object file in {@code bytes}.
   *
   * @throws MalformedObjectException if {@code bytes} is not a 64-bit little-endian Mach-O
   *     relocatable object for x86-64 or arm64, or is damaged
   */
  public static ObjectFile read(byte[] bytes) throws MalformedObjectException {
    return new MachOReader(bytes).read();
  }

  private ObjectFile read() throws MalformedObjectException {
    readHeaderAndLoadCommands();
    List<Symbol> sectionSymbols = new ArrayList<>();
    for (Header h : headers) {
      sectionSymbols.add(new Symbol(SECTION_SYMBOL_INDEX, h.name(), h.index(), 0, 0,
          Symbol.Binding.LOCAL, Symbol.Type.SECTION));
    }
    Symbol[] symbols = readSymbols();
    List<Section> sections = new ArrayList<>();
    for (Header h : headers) {
      long literalSize = literalSize(h);
      sections.add(new Section(h.index(), h.name(), kind(h), h.type(), h.flags(), 1L << h.align(),
          h.size(), h.isZeroFill() ? new byte[0] : slice(h),
          readRelocations(h, symbols, sectionSymbols),
          literalSize == 0 ? Section.Merge.NONE
              : h.type() == S_CSTRING_LITERALS ? Section.Merge.STRINGS : Section.Merge.CONSTANTS,
          literalSize));
    }
    List<Symbol> kept = Arrays.stream(symbols).filter(Objects::nonNull).toList();
    return new ObjectFile(ObjectFile.Format.MACH_O, cputype, cputype == CPU_TYPE_X86_64
        ? ObjectFile.Architecture.X86_64 : ObjectFile.Architecture.AARCH64, sections, kept);
  }

  private void readHeaderAndLoadCommands() throws MalformedObjectException {
    if (file.length() < 4) {
      throw new MalformedObjectException("not a Mach-O file");
    }
    int magic = file.s32(0, "magic");
    int bigEndianMagic = bigEndian.s32(0, "magic");
    if (magic == MH_MAGIC) {
      throw new MalformedObjectException("32-bit Mach-O is not supported");
    }
    if (bigEndianMagic == MH_MAGIC_64 || bigEndianMagic == MH_MAGIC) {
      throw new MalformedObjectException("big-endian Mach-O is not supported");
    }
    if (bigEndianMagic == 0xcafebabe || bigEndianMagic == 0xcafebabf) {
      throw new MalformedObjectException(
          "universal (fat) Mach-O is not supported: compile for one architecture");
    }
    if (magic != MH_MAGIC_64) {
      throw new MalformedObjectException("not a Mach-O file");
    }
    if (file.length() < HEADER_SIZE) {
      throw new MalformedObjectException(
          "truncated Mach-O header: " + file.length() + " bytes, need " + HEADER_SIZE);
    }
    cputype = file.s32(4, "cputype");
    if (cputype != CPU_TYPE_X86_64 && cputype != CPU_TYPE_ARM64) {
      throw new MalformedObjectException("unsupported cputype 0x" + Integer.toHexString(cputype));
    }
    long filetype = file.u32(12, "filetype");
    if (filetype != MH_OBJECT) {
      throw new MalformedObjectException(
          "not a relocatable object file (filetype " + filetype + ")");
    }
    long count = file.u32(16, "ncmds");
    long end = HEADER_SIZE + file.u32(20, "sizeofcmds");
    file.requireInFile(HEADER_SIZE, end - HEADER_SIZE, "load commands");
    long at = HEADER_SIZE;
    for (long i = 0; i < count; i++) {
      if (end - at < LOAD_COMMAND_SIZE) {
        throw new MalformedObjectException("load command " + i + " at offset 0x"
            + Long.toHexString(at) + " extends past the end of the load commands (sizeofcmds "
            + (end - HEADER_SIZE) + ")");
      }
      long command = file.u32(at, "cmd");
      long size = file.u32(at + 4, "cmdsize");
      if (size < LOAD_COMMAND_SIZE || size % 8 != 0 || size > end - at) {
        throw new MalformedObjectException("load command " + i + " (0x" + Long.toHexString(command)
            + "): cmdsize " + size + " is not a multiple of 8 between 8 and the "
            + (end - at) + " bytes left");
      }
      switch ((int) command) {
        case LC_SEGMENT_64 -> readSegment(at, size, i);
        case LC_SYMTAB -> readSymbolTableCommand(at, size, i);
        case LC_SEGMENT -> throw new MalformedObjectException(
            "load command " + i + ": LC_SEGMENT (32-bit) in a 64-bit Mach-O file");
        default -> { } // build version, data in code, linker hints: nothing a stencil needs
      }
      at += size;
    }
  }

  private void readSegment(long at, long size, long command) throws MalformedObjectException {
    if (size < SEGMENT_COMMAND_SIZE) {
      throw new MalformedObjectException("load command " + command + " (LC_SEGMENT_64): cmdsize "
          + size + " is less than " + SEGMENT_COMMAND_SIZE);
    }
    long count = file.u32(at + 64, "nsects");
    if (count > (size - SEGMENT_COMMAND_SIZE) / SECTION_HEADER_SIZE) {
      throw new MalformedObjectException("load command " + command + " (LC_SEGMENT_64): " + count
          + " sections do not fit in cmdsize " + size);
    }
    for (long i = 0; i < count; i++) {
      long h = at + SEGMENT_COMMAND_SIZE + i * SECTION_HEADER_SIZE;
      Header header = new Header(headers.size() + 1, file.fixedString(h, 16, "sectname"),
          file.fixedString(h + 16, 16, "segname"), file.u64(h + 32, "addr"),
          file.u64(h + 40, "size"), file.u32(h + 48, "offset"), file.u32(h + 52, "align"),
          file.u32(h + 56, "reloff"), file.u32(h + 60, "nreloc"), file.u32(h + 64, "flags"));
      checkSection(header);
      headers.add(header);
    }
  }

  private void checkSection(Header h) throws MalformedObjectException {
    if (!h.isZeroFill()) {
      file.requireInFile(h.offset(), h.size(), h + " contents");
    } else if (h.size() < 0) {
      throw new MalformedObjectException(
          h + ": size " + Long.toUnsignedString(h.size()) + " is too large");
    } else if ((h.flags() & CODE_ATTRIBUTES) != 0) {
      // A zero-fill section has no machine code to copy.
      throw new MalformedObjectException(h + ": zero-fill section with instructions");
    }
    if (h.align() > MAX_ALIGNMENT_LOG2) {
      throw new MalformedObjectException(
          h + ": alignment 2^" + h.align() + " is larger than 2^" + MAX_ALIGNMENT_LOG2);
    }
    file.requireInFile(h.relocationOffset(), h.relocationCount() * RELOCATION_SIZE,
        h + " relocations");
    if (h.isZeroFill() && h.relocationCount() > 0) {
      throw new MalformedObjectException(h + ": relocations in a zero-fill section");
    }
  }

  private void readSymbolTableCommand(long at, long size, long command)
      throws MalformedObjectException {
    if (symbolTable != null) {
      throw new MalformedObjectException("load command " + command + ": a second LC_SYMTAB");
    }
    if (size < SYMTAB_COMMAND_SIZE) {
      throw new MalformedObjectException("load command " + command + " (LC_SYMTAB): cmdsize "
          + size + " is less than " + SYMTAB_COMMAND_SIZE);
    }
    long offset = file.u32(at + 8, "symoff");
    long count = file.u32(at + 12, "nsyms");
    long stringOffset = file.u32(at + 16, "stroff");
    long stringSize = file.u32(at + 20, "strsize");
    file.requireInFile(offset, count * NLIST_SIZE, "symbol table");
    file.requireInFile(stringOffset, stringSize, "string table");
    symbolTable = new SymbolTable(offset, count, new StringTable(file, stringOffset, stringSize,
        0, "the string table", budget));
  }

  /**
   * The size of one literal of a literal section, whose literals the linker merges one by one
   * (1 for C strings); 0 for any other section.
   */
  private static long literalSize(Header h) throws MalformedObjectException {
    long size = switch ((int) h.type()) {
      case S_CSTRING_LITERALS -> 1;
      case S_4BYTE_LITERALS -> 4;
      case S_8BYTE_LITERALS -> 8;
      case S_16BYTE_LITERALS -> 16;
      default -> 0;
    };
    if (size > 1 && h.size() % size != 0) {
      throw new MalformedObjectException(h + ": size " + h.size()
          + " is not a multiple of its literals' size " + size);
    }
    return size;
  }

  private static Section.Kind kind(Header h) {
    if ((h.flags() & S_ATTR_DEBUG) != 0) {
      return Section.Kind.OTHER;
    }
    if (h.type() >= S_THREAD_LOCAL_REGULAR && h.type() <= S_THREAD_LOCAL_INIT_FUNCTION_POINTERS) {
      return Section.Kind.THREAD_LOCAL;
    }
    if (h.isZeroFill()) {
      return Section.Kind.ZERO_FILL;
    }
    return (h.flags() & CODE_ATTRIBUTES) != 0 ? Section.Kind.CODE : Section.Kind.DATA;
  }

  /** Every symbol at its nlist index; null for the debugging (STAB) entries, which are left out. */
  private Symbol[] readSymbols() throws MalformedObjectException {
    if (symbolTable == null) {
      return new Symbol[0];
    }
    budget.chargeEntries(symbolTable.count(), "symbol table");
    Symbol[] symbols = new Symbol[(int) symbolTable.count()];
    for (int i = 0; i < symbols.length; i++) {
      long at = symbolTable.offset() + (long) i * NLIST_SIZE;
      int type = file.u8(at + 4, "n_type");
      if ((type & N_STAB) == 0) {
        String name = symbolTable.strings().get(file.u32(at, "n_strx"), "name of symbol " + i);
        symbols[i] = symbol(i, name, type, file.u8(at + 5, "n_sect"), file.u16(at + 6, "n_desc"),
            file.u64(at + 8, "n_value"));
      }
    }
    return symbols;
  }

  private Symbol symbol(int index, String name, int type, int sectionNumber, int desc,
      long value) throws MalformedObjectException {
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
        if (sectionNumber < 1 || sectionNumber > headers.size()) {
          throw new MalformedObjectException(what + ": section number " + sectionNumber
              + " out of range (" + headers.size() + " sections)");
        }
        Header h = headers.get(sectionNumber - 1);
        long offset = value - h.address();
        // Past the end of its section, a symbol has no bytes for the builder to find.
        if (Long.compareUnsigned(offset, h.size()) > 0) {
          throw new MalformedObjectException(what + ": address 0x" + Long.toHexString(value)
              + " is outside " + h + " (0x" + Long.toHexString(h.address()) + ", "
              + h.size() + " bytes)");
        }
        Symbol.Type symbolType = switch (kind(h)) {
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

  private List<Relocation> readRelocations(Header h, Symbol[] symbols,
      List<Symbol> sectionSymbols) throws MalformedObjectException {
    budget.chargeEntries(h.relocationCount(), "relocations of section " + h.name());
    List<Relocation> relocations = new ArrayList<>();
    // An ARM64_RELOC_ADDEND or *_SUBTRACTOR entry, waiting for the entry it belongs to.
    Entry pending = null;
    for (long i = 0; i < h.relocationCount(); i++) {
      Entry e = entry(h, i);
      if (pending != null) {
        checkPartner(pending, e);
      }
      if (e.type().addend() == Addend.FOR_NEXT) {
        pending = e;
        continue;
      }
      Symbol target = e.external() ? symbol(symbols, e)
          : sectionSymbols.get(checkSectionNumber(e) - 1);
      long section = e.external() ? 0 : headers.get(e.symbolNumber() - 1).address();
      // A section-based field holds object addresses: the target's, minus that of a
      // section-based subtrahend, or minus the end of the field (P + 4) if PC-relative.
      long addend = switch (e.type().addend()) {
        case FIELD -> field(h, e) - section + (pending != null && !pending.external()
            ? headers.get(pending.symbolNumber() - 1).address() : 0);
        case FIELD_FROM_END -> e.external() ? field(h, e) - 4
            : field(h, e) + h.address() + e.address() - section;
        case ADDEND_ENTRY -> pending != null ? (pending.symbolNumber() << 8) >> 8 : 0; // int24
        case SUBTRAHEND, NONE, FOR_NEXT -> 0;
      };
      int width = e.type().length() == MachORelocationTypes.VARIABLE_LENGTH ? 1 << e.length() : 0;
      relocations.add(new Relocation(e.address(), e.typeNumber(), e.type().name(), target,
          addend, width, e.type().pcBias()));
      pending = e.type().addend() == Addend.SUBTRAHEND ? e : null;
    }
    if (pending != null) {
      throw new MalformedObjectException(
          pending + " is the last relocation: the relocation it belongs to is missing");
    }
    return relocations;
  }

  /** One relocation_info entry, checked against its type's shape and its section's size. */
  private record Entry(String what, int address, int symbolNumber, int length, boolean external,
      int typeNumber, MachORelocationTypes.Type type) {
    @Override
    public String toString() {
      return what;
    }
  }

  private Entry entry(Header h, long index) throws MalformedObjectException {
    long at = h.relocationOffset() + index * RELOCATION_SIZE;
    String what = "relocation " + index + " of " + h;
    int address = file.s32(at, "r_address");
    if ((address & R_SCATTERED) != 0) {
      throw new MalformedObjectException(what + ": scattered relocations are not supported");
    }
    long info = file.u32(at + 4, "r_info");
    int typeNumber = (int) (info >>> 28);
    MachORelocationTypes.Type type = MachORelocationTypes.type(cputype, typeNumber);
    if (type == null && cputype == CPU_TYPE_ARM64 && info >>> 24 == 0xff) {
      // LLVM (19 at least) writes a negative ARM64_RELOC_ADDEND value unmasked, over the type.
      throw new MalformedObjectException(what + ": a negative ARM64_RELOC_ADDEND ("
          + ((int) info) + ") written over the relocation's type and flags, as LLVM does; "
          + "avoid negative offsets from symbols on arm64");
    }
    if (type == null) {
      throw new MalformedObjectException(what + ": unsupported relocation type " + typeNumber);
    }
    Entry e = new Entry(what + " (" + type.name() + ")", address, (int) (info & 0xffffff),
        (int) (info >>> 25) & 3, (info & (1 << 27)) != 0, typeNumber, type);
    boolean pcRel = (info & (1 << 24)) != 0;
    if (pcRel != type.pcRel()) {
      throw new MalformedObjectException(
          e + ": r_pcrel is " + (pcRel ? 1 : 0) + ", expected " + (type.pcRel() ? 1 : 0));
    }
    boolean lengthOk = type.length() == MachORelocationTypes.VARIABLE_LENGTH
        ? e.length() == 2 || e.length() == 3 : e.length() == type.length();
    if (!lengthOk) {
      throw new MalformedObjectException(e + ": r_length " + e.length() + " is not supported");
    }
    if (address > h.size() - (1 << e.length())) {
      throw new MalformedObjectException(e + ": the " + (1 << e.length()) + "-byte field at 0x"
          + Integer.toHexString(address) + " is outside " + h + " (" + h.size() + " bytes)");
    }
    return e;
  }

  /** Checks that {@code e} is the entry that {@code pending} belongs to. */
  private static void checkPartner(Entry pending, Entry e) throws MalformedObjectException {
    if (pending.type().addend() == Addend.FOR_NEXT) {
      if (e.type().addend() != Addend.ADDEND_ENTRY || e.address() != pending.address()) {
        throw new MalformedObjectException(pending + " is not followed by a BRANCH26, PAGE21 or "
            + "PAGEOFF12 relocation at the same offset, but by " + e);
      }
    } else if (e.type().addend() != Addend.FIELD || e.address() != pending.address()
        || e.length() != pending.length()) {
      throw new MalformedObjectException(pending + " is not followed by an UNSIGNED relocation "
          + "of the same field, but by " + e);
    }
  }

  private static Symbol symbol(Symbol[] symbols, Entry e) throws MalformedObjectException {
    if (e.symbolNumber() >= symbols.length) {
      throw new MalformedObjectException(e + ": symbol index " + e.symbolNumber()
          + " out of range (" + symbols.length + " symbols)");
    }
    if (symbols[e.symbolNumber()] == null) {
      throw new MalformedObjectException(
          e + ": symbol " + e.symbolNumber() + " is a debugging symbol");
    }
    return symbols[e.symbolNumber()];
  }

  private int checkSectionNumber(Entry e) throws MalformedObjectException {
    if (!e.type().sectionBased()) {
      throw new MalformedObjectException(e + ": must refer to a symbol, not a section");
    }
    if (e.symbolNumber() < 1 || e.symbolNumber() > headers.size()) {
      throw new MalformedObjectException(e + ": section number " + e.symbolNumber()
          + " out of range (" + headers.size() + " sections)");
    }
    return e.symbolNumber();
  }

  /** The signed value of the 4- or 8-byte field that {@code e} patches in section {@code h}. */
  private long field(Header h, Entry e) throws MalformedObjectException {
    long at = h.offset() + e.address();
    return e.length() == 3 ? file.u64(at, e.what()) : file.s32(at, e.what());
  }

  private byte[] slice(Header h) throws MalformedObjectException {
    budget.charge(h.size(), "contents of section " + h.name());
    return file.copy(h.offset(), h.size(), h + " contents");
  }
}

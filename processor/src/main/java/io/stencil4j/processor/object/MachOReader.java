package io.stencil4j.processor.object;

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
 * {@code nlist_64} index, and a symbol's value is its offset within its section. The header,
 * load commands and sections are read here, the symbols in {@link MachOSymbols}, the relocations
 * and their implicit addends in {@link MachORelocations}.
 *
 * <p>A section-based relocation ({@code r_extern} 0) refers to a synthetic symbol that stands for
 * the section: named after it, with index {@link #SECTION_SYMBOL_INDEX}, value 0 and type
 * {@link Symbol.Type#SECTION}.
 *
 * <p>Bad input ends in a {@link MalformedObjectException}, as the package says.
 */
public final class MachOReader {
  // The format's constants by the names of its specification (data, so they look alike).
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
  static final int NLIST_SIZE = 16;
  static final int RELOCATION_SIZE = 8;

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


  /** One section header, with the unsigned 32-bit fields widened to long. */
  record Header(int index, String name, String segment, long address, long size,
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
  record SymbolTable(long offset, long count, StringTable strings) {}

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
   * @param bytes the file's contents
   * @return the sections, relocations and symbols
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
    Symbol[] symbols = MachOSymbols.read(this);
    List<Section> sections = new ArrayList<>();
    for (Header h : headers) {
      long literalSize = literalSize(h);
      sections.add(new Section(h.index(), h.name(), kind(h), h.type(), h.flags(), 1L << h.align(),
          h.size(), h.isZeroFill() ? new byte[0] : slice(h),
          MachORelocations.read(this, h, symbols, sectionSymbols),
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

  static Section.Kind kind(Header h) {
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

  private byte[] slice(Header h) throws MalformedObjectException {
    budget.charge(h.size(), "contents of section " + h.name());
    return file.copy(h.offset(), h.size(), h + " contents");
  }

  // What this format's symbol and relocation readers take from the file read so far; the
  // three readers repeat the shape because each format reads different parts.
  ByteReader file() {
    return file;
  }

  MemoryBudget budget() {
    return budget;
  }

  int cputype() {
    return cputype;
  }

  List<Header> headers() {
    return headers;
  }

  /** The LC_SYMTAB command's tables, or null if there is none. */
  SymbolTable symbolTable() {
    return symbolTable;
  }
}

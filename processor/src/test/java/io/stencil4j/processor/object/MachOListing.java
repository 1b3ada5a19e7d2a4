package io.stencil4j.processor.object;

import static io.stencil4j.processor.object.ReadobjText.name;
import static io.stencil4j.processor.object.ReadobjText.number;

import io.stencil4j.processor.object.ReadobjText.Node;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A Mach-O object file as lines of text, one per section, section contents, symbol and
 * relocation, built either from {@link MachOReader}'s model or from llvm-readobj's LLVM-style
 * output, so that the two can be compared line by line.
 *
 * <p>Where readobj shows raw fields, the readobj side restates the reader's rules: section numbers
 * count from 1, a symbol's value is an offset in its section, binding and symbol type come from
 * {@code N_EXT}/{@code N_PEXT}, the weak flags and the section's kind, and {@code
 * ARM64_RELOC_ADDEND} entries become the addend of the relocation that follows them. The width of
 * {@code *_UNSIGNED} and {@code *_SUBTRACTOR} fields (4 or 8 bytes) is not in the model, so both
 * sides show it as {@code 2|3}; {@link MachOReaderAddendTest} checks that it is read right.
 */
record MachOListing(List<String> header, List<String> sections, List<String> contents,
    List<String> symbols, List<String> relocations) {

  private static final String VARIABLE_LENGTH = "2|3";

  static MachOListing of(ObjectFile file) {
    List<String> sections = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    List<String> relocations = new ArrayList<>();
    for (Section s : file.sections()) {
      sections.add(Listing.section(s.index(), s.name(), s.type(), s.flags(), s.size(),
          s.alignment(), Listing.pool(s)));
      if (!isZeroFill(s.type())) {
        contents.add(contents(s.index(), s.name(), s.bytes()));
      }
      for (Relocation r : s.relocations()) {
        MachORelocationType type = MachORelocationType.of(file.machine(), r.type());
        Symbol symbol = r.symbol();
        String target = symbol.index() == MachOReader.SECTION_SYMBOL_INDEX
            ? "section " + symbol.section() + " " + symbol.name()
            : "symbol " + symbol.index() + " " + symbol.name();
        String length = type.length() == MachORelocationType.VARIABLE_LENGTH
            ? VARIABLE_LENGTH : Integer.toString(type.length());
        Long addend = type.addend() == MachORelocationType.Addend.ADDEND_ENTRY ? r.addend() : null;
        relocations.add(relocation(s.index(), r.offset(), r.type(), r.typeName(), target,
            type.pcRel() ? 1 : 0, length, addend));
      }
    }
    List<String> symbols = new ArrayList<>();
    for (Symbol s : file.symbols()) {
      String section = switch (s.section()) {
        case Symbol.UNDEFINED -> "Undefined";
        case Symbol.ABSOLUTE -> "Absolute";
        default -> s.section() + " " + file.section(s.section()).name();
      };
      symbols.add(symbol(s.index(), s.name(), s.value(), s.binding(), s.type(), section));
    }
    return new MachOListing(List.of(header(file.machine())), sections, contents, symbols,
        relocations);
  }

  /**
   * From the output of {@code llvm-readobj --file-headers --sections --section-data --symbols
   * --relocations --expand-relocs}.
   */
  static MachOListing ofReadobj(String text) {
    Node root = ReadobjText.parse(text);
    List<String> header = List.of(header(number(root.child("MachHeader").get("CpuType"))));

    List<Node> sectionNodes = root.child("Sections").all("Section");
    List<String> sections = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    for (Node s : sectionNodes) {
      int index = (int) s.number("Index") + 1;
      String name = name(s.get("Name"));
      long type = number(s.get("Type"));
      sections.add(Listing.section(index, name, type, flags(s), s.number("Size"),
          1L << s.number("Alignment"), literals(type)));
      // readobj also dumps S_THREAD_LOCAL_ZEROFILL sections, from offset 0 of the file.
      if (!isZeroFill(type)) {
        contents.add(contents(index, name, HexFormat.of().parseHex(s.get("SectionData"))));
      }
    }

    List<String> symbols = new ArrayList<>();
    List<Node> symbolNodes = root.child("Symbols").all("Symbol");
    for (int i = 0; i < symbolNodes.size(); i++) {
      Node s = symbolNodes.get(i);
      if (name(s.get("Type")).equals("SymDebugTable")) {
        continue; // the reader leaves out STAB entries but keeps their indices
      }
      long value = s.number("Value");
      long desc = number(s.child("Flags").value());
      boolean external = s.has("Extern") || s.has("PrivateExtern");
      long sectionNumber = number(s.get("Section"));
      String name = name(s.get("Name"));
      symbols.add(switch ((int) number(s.get("Type"))) {
        case 0x0 -> symbol(i, name, value, binding(external, desc & 0x40), Symbol.Type.NONE,
            "Undefined");
        case 0x2 -> symbol(i, name, value, binding(external, 0), Symbol.Type.NONE, "Absolute");
        case 0xe -> {
          Node section = sectionNodes.get((int) sectionNumber - 1);
          Symbol.Type type = switch (kind(flags(section))) {
            case CODE -> Symbol.Type.FUNCTION;
            case OTHER -> Symbol.Type.NONE;
            default -> Symbol.Type.OBJECT;
          };
          yield symbol(i, name, value - section.number("Address"), binding(external, desc & 0x80),
              type, sectionNumber + " " + name(section.get("Name")));
        }
        default -> throw new IllegalArgumentException("symbol type " + s.get("Type"));
      });
    }

    // readobj groups relocations by section name, for the sections that have any.
    List<Node> withRelocations = sectionNodes.stream()
        .filter(s -> s.number("RelocationCount") > 0).toList();
    List<Node> groups = root.child("Relocations").children();
    List<String> relocations = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      Node section = withRelocations.get(g);
      if (!groups.get(g).key().equals("Section " + name(section.get("Name")))) {
        throw new IllegalArgumentException(groups.get(g).key() + " is not " + section);
      }
      Long pendingAddend = null;
      for (Node r : groups.get(g).all("Relocation")) {
        String typeName = name(r.get("Type"));
        if (typeName.equals("ARM64_RELOC_ADDEND")) {
          pendingAddend = (long) ((int) number(r.get("Section")) << 8 >> 8); // int24
          continue;
        }
        String target = r.has("Symbol") ? "symbol " + number(r.get("Symbol")) + " "
            + name(r.get("Symbol")) : "section " + number(r.get("Section")) + " "
            + name(r.get("Section"));
        long length = r.number("Length");
        boolean variable = typeName.endsWith("_UNSIGNED") || typeName.endsWith("_SUBTRACTOR");
        boolean addendEntry = typeName.equals("ARM64_RELOC_BRANCH26")
            || typeName.equals("ARM64_RELOC_PAGE21") || typeName.equals("ARM64_RELOC_PAGEOFF12");
        relocations.add(relocation((int) section.number("Index") + 1, r.number("Offset"),
            (int) number(r.get("Type")), typeName, target, (int) r.number("PCRel"),
            variable && (length == 2 || length == 3) ? VARIABLE_LENGTH : Long.toString(length),
            addendEntry ? (pendingAddend != null ? pendingAddend : 0L) : null));
        pendingAddend = null;
      }
    }
    return new MachOListing(header, sections, contents, symbols, relocations);
  }

  /** The kind rule, restated: by the section type and attributes, never by name. */
  static Section.Kind kind(long flags) {
    long type = flags & 0xff;
    if ((flags & 0x02000000L) != 0) {
      return Section.Kind.OTHER;
    }
    if (type >= 0x11 && type <= 0x15) {
      return Section.Kind.THREAD_LOCAL;
    }
    if (isZeroFill(type)) {
      return Section.Kind.ZERO_FILL;
    }
    return (flags & 0x80000400L) != 0 ? Section.Kind.CODE : Section.Kind.DATA;
  }

  /** S_ZEROFILL, S_GB_ZEROFILL and S_THREAD_LOCAL_ZEROFILL: no contents in the file. */
  static boolean isZeroFill(long type) {
    return type == 0x1 || type == 0xc || type == 0x12;
  }

  /** The section's flags: readobj shows the type and, shifted right by 8, the attributes. */
  private static long flags(Node section) {
    return number(section.child("Attributes").value()) << 8 | number(section.get("Type"));
  }

  private static Symbol.Binding binding(boolean external, long weakFlag) {
    return !external ? Symbol.Binding.LOCAL
        : weakFlag != 0 ? Symbol.Binding.WEAK : Symbol.Binding.GLOBAL;
  }

  private static String header(long cputype) {
    return "cputype 0x" + Long.toHexString(cputype);
  }

  /** The literal sections' pools, from the section types of {@code <mach-o/loader.h>}. */
  private static String literals(long type) {
    return switch ((int) type) {
      case 0x2 -> Listing.pool(true, 1); // S_CSTRING_LITERALS
      case 0x3 -> Listing.pool(false, 4); // S_4BYTE_LITERALS
      case 0x4 -> Listing.pool(false, 8); // S_8BYTE_LITERALS
      case 0xe -> Listing.pool(false, 16); // S_16BYTE_LITERALS
      default -> Listing.WHOLE;
    };
  }

  private static String contents(int index, String name, byte[] bytes) {
    return index + " " + name + " " + HexFormat.of().formatHex(bytes);
  }

  private static String symbol(int index, String name, long value, Symbol.Binding binding,
      Symbol.Type type, String section) {
    return String.format("%d %s value=0x%x %s %s section=%s", index, name, value, binding, type,
        section);
  }

  private static String relocation(int section, long offset, int type, String typeName,
      String target, int pcRel, String length, Long addend) {
    return String.format("section %d offset=0x%x type=%d %s %s pcrel=%d length=%s%s", section,
        offset, type, typeName, target, pcRel, length, addend == null ? "" : " addend=" + addend);
  }
}

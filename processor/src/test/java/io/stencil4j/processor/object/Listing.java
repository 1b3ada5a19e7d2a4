package io.stencil4j.processor.object;

import static io.stencil4j.processor.object.ReaderAssertions.assertSameLines;
import static io.stencil4j.processor.object.Json.array;
import static io.stencil4j.processor.object.Json.at;
import static io.stencil4j.processor.object.Json.number;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An object file as lines of text, one per section, section contents, symbol and relocation,
 * built either from a reader's model or from llvm-readobj's JSON, so that the two can be
 * compared line by line. Every field the model has a counterpart for in readobj's output is in
 * the lines.
 */
record Listing(List<String> header, List<String> sections, List<String> contents,
    List<String> symbols, List<String> relocations) {

  private static final long SHT_NOBITS = 8;
  private static final long SHF_ALLOC = 0x2;
  private static final long SHF_MERGE = 0x10;
  private static final long SHF_STRINGS = 0x20;
  /** The pool of a section a stencil takes whole. */
  static final String WHOLE = "whole";

  static Listing of(ObjectFile file) {
    return of(file, true);
  }

  /**
   * The model's lines, the relocations without addends if not {@code withAddends} (COFF keeps
   * addends in the section bytes, and readobj does not decode them).
   */
  static Listing of(ObjectFile file, boolean withAddends) {
    List<String> sections = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    List<String> relocations = new ArrayList<>();
    for (Section s : file.sections()) {
      sections.add(section(s.index(), s.name(), s.type(), s.flags(), s.size(), s.alignment(),
          pool(s)));
      if (s.type() != SHT_NOBITS) {
        contents.add(s.index() + " " + s.name() + " " + HexFormat.of().formatHex(s.bytes()));
      }
      for (Relocation r : s.relocations()) {
        Symbol symbol = r.symbol();
        // readobj prints "-" for ELF's r_sym 0, which the model represents as the nameless
        // symbol 0. (COFF's symbol 0 is a real one.)
        boolean none = symbol.index() == 0 && file.format() == ObjectFile.Format.ELF;
        String name = none ? "-" : symbol.name();
        relocations.add(relocation(s.index(), r.offset(), r.type(), r.typeName(),
            symbol.index(), name, withAddends ? r.addend() : null));
      }
    }
    List<String> symbols = new ArrayList<>();
    for (Symbol s : file.symbols()) {
      String section = switch (s.section()) {
        case Symbol.UNDEFINED -> "Undefined";
        case Symbol.ABSOLUTE -> "Absolute";
        default -> s.section() + " " + file.section(s.section()).name();
      };
      symbols.add(symbol(s.index(), s.name(), s.value(), s.size(), s.binding(), s.type(),
          section));
    }
    return new Listing(List.of("machine " + file.machine()), sections, contents, symbols,
        relocations);
  }

  /**
   * From the output of {@code llvm-readobj --elf-output-style=JSON --file-headers --sections
   * --symbols --relocations} and, if {@code withContents}, {@code --section-data}.
   */
  static Listing ofReadobj(String jsonText, boolean withContents) {
    Object root = array(Json.parse(jsonText)).get(0);
    List<String> header = List.of("machine " + number(at(root, "ElfHeader", "Machine", "Value")));

    List<String> sections = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    List<Object> sectionList = array(at(root, "Sections"));
    for (Object entry : sectionList) {
      Object s = at(entry, "Section");
      int index = (int) number(at(s, "Index"));
      String name = (String) at(s, "Name", "Name");
      long type = number(at(s, "Type", "Value"));
      long flags = number(at(s, "Flags", "Value"));
      boolean merged = (flags & (SHF_ALLOC | SHF_MERGE)) == (SHF_ALLOC | SHF_MERGE);
      sections.add(section(index, name, type, flags, number(at(s, "Size")),
          Math.max(1, number(at(s, "AddressAlignment"))), merged
              ? pool((flags & SHF_STRINGS) != 0, number(at(s, "EntrySize"))) : WHOLE));
      if (withContents && type != SHT_NOBITS) {
        List<Object> bytes = array(at(s, "SectionData", "Bytes"));
        byte[] data = new byte[bytes.size()];
        for (int i = 0; i < data.length; i++) {
          data[i] = (byte) number(bytes.get(i));
        }
        contents.add(index + " " + name + " " + HexFormat.of().formatHex(data));
      }
    }

    List<String> symbols = new ArrayList<>();
    List<Object> symbolList = array(at(root, "Symbols"));
    // Entry 0 is the null symbol, which the model leaves out.
    for (int i = 1; i < symbolList.size(); i++) {
      Object s = at(symbolList.get(i), "Symbol");
      long sectionIndex = number(at(s, "Section", "Value"));
      String sectionName = (String) at(s, "Section", "Name");
      // For SHN_XINDEX symbols readobj shows the real section index, so the value alone does
      // not tell SHN_ABS (0xfff1) from section 65521.
      String section = sectionIndex == 0 ? "Undefined"
          : sectionIndex == 0xfff1 && sectionName.equals("Absolute") ? "Absolute"
          : sectionIndex + " " + sectionName;
      symbols.add(symbol(i, (String) at(s, "Name", "Name"), number(at(s, "Value")),
          number(at(s, "Size")), binding(number(at(s, "Binding", "Value"))),
          type(number(at(s, "Type", "Value"))), section));
    }

    // readobj groups relocations by relocation section; the model by the section they patch.
    record Patch(int target, String line) {}
    List<Patch> patches = new ArrayList<>();
    for (Object group : array(at(root, "Relocations"))) {
      long relocationSection = number(at(group, "SectionIndex"));
      int target = (int) number(at(sectionList.get((int) relocationSection), "Section", "Info"));
      for (Object entry : array(at(group, "Relocs"))) {
        Object r = at(entry, "Relocation");
        patches.add(new Patch(target, relocation(target, number(at(r, "Offset")),
            (int) number(at(r, "Type", "Value")), (String) at(r, "Type", "Name"),
            (int) number(at(r, "Symbol", "Value")), (String) at(r, "Symbol", "Name"),
            number(at(r, "Addend")))));
      }
    }
    patches.sort(Comparator.comparingInt(Patch::target)); // stable: keeps file order
    List<String> relocations = patches.stream().map(Patch::line).toList();
    return new Listing(header, sections, contents, symbols, relocations);
  }

  /**
   * Asserts that every part of this listing equals {@code readobj}'s, reporting the first
   * differing line rather than two huge lists.
   */
  void assertMatches(Listing readobj) {
    assertSameLines("header", readobj.header(), header);
    assertSameLines("sections", readobj.sections(), sections);
    assertSameLines("section contents", readobj.contents(), contents);
    assertSameLines("symbols", readobj.symbols(), symbols);
    assertSameLines("relocations", readobj.relocations(), relocations);
  }


  /**
   * From the output of {@code llvm-readobj --elf-output-style=JSON --file-headers --sections
   * --section-data --section-relocations --expand-relocs --symbols} for a COFF object. Relocation
   * lines have no addends (readobj prints none for COFF); see {@link #of(ObjectFile, boolean)}.
   */
  static Listing ofCoffReadobj(String jsonText) {
    Map<String, Object> root = Json.parseCoffReadobj(jsonText);
    List<String> header =
        List.of("machine " + number(at(root, "ImageFileHeader", "Machine", "Value")));
    List<String> sections = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    List<String> relocations = new ArrayList<>();
    for (Object entry : array(at(root, "Sections"))) {
      Object s = at(entry, "Section");
      int number = (int) number(at(s, "Number"));
      String name = (String) at(s, "Name", "Value");
      List<Object> flags = array(at(s, "Characteristics", "Flags"));
      sections.add(section(number, name, 0, number(at(s, "Characteristics", "Value")),
          number(at(s, "RawDataSize")), coffAlignment(flags), WHOLE));
      // readobj leaves out the contents of uninitialized sections, which the model has none of.
      List<Object> bytes = Json.object(s).containsKey("SectionData")
          ? array(at(s, "SectionData", "Bytes")) : List.of();
      byte[] data = new byte[bytes.size()];
      for (int i = 0; i < data.length; i++) {
        data[i] = (byte) number(bytes.get(i));
      }
      contents.add(number + " " + name + " " + HexFormat.of().formatHex(data));
      for (Object relocation : array(at(s, "Relocations"))) {
        Object r = at(relocation, "Relocation");
        relocations.add(relocation(number, number(at(r, "Offset")),
            (int) number(at(r, "Type", "Value")), (String) at(r, "Type", "Name"),
            (int) number(at(r, "SymbolIndex")), (String) at(r, "Symbol"), null));
      }
    }
    List<String> symbols = new ArrayList<>();
    // readobj prints no indices: auxiliary records take up indices of their own.
    int index = 0;
    for (Object entry : array(at(root, "Symbols"))) {
      Object s = at(entry, "Symbol");
      long sectionNumber = number(at(s, "Section", "Value"));
      String section = sectionNumber == 0 ? "Undefined"
          : sectionNumber < 0 ? "Absolute"
          : sectionNumber + " " + at(s, "Section", "Name");
      long value = number(at(s, "Value"));
      int storageClass = (int) number(at(s, "StorageClass", "Value"));
      Symbol.Type type = storageClass == 103 ? Symbol.Type.FILE
          : storageClass == 3 && sectionNumber > 0 && value == 0
              && Json.object(s).containsKey("AuxSectionDef") ? Symbol.Type.SECTION
          : number(at(s, "ComplexType", "Value")) == 2 ? Symbol.Type.FUNCTION
          : Symbol.Type.NONE;
      symbols.add(symbol(index, (String) at(s, "Name"), value, 0, coffBinding(storageClass),
          type, section));
      index += 1 + (int) number(at(s, "AuxSymbolCount"));
    }
    return new Listing(header, sections, contents, symbols, relocations);
  }

  /** The alignment readobj names (LLVM's rule: NO_PAD means 1, no ALIGN flag means 16). */
  private static long coffAlignment(List<Object> flags) {
    long alignment = 16;
    for (Object flag : flags) {
      String name = (String) at(flag, "Name");
      if (name.equals("IMAGE_SCN_TYPE_NO_PAD")) {
        return 1;
      }
      if (name.startsWith("IMAGE_SCN_ALIGN_")) {
        alignment = Long.parseLong(name.replaceAll("\\D", ""));
      }
    }
    return alignment;
  }

  private static Symbol.Binding coffBinding(int storageClass) {
    return switch (storageClass) {
      case 2 -> Symbol.Binding.GLOBAL; // EXTERNAL
      case 105 -> Symbol.Binding.WEAK; // WEAK_EXTERNAL
      case 3, 6, 103, 104 -> Symbol.Binding.LOCAL; // STATIC, LABEL, FILE, SECTION
      default -> throw new IllegalArgumentException("storage class " + storageClass);
    };
  }

  static String section(int index, String name, long type, long flags, long size,
      long alignment, String pool) {
    return String.format("%d %s type=0x%x flags=0x%x size=%d align=%d %s", index, name, type,
        flags, size, alignment, pool);
  }

  /** How a section is cut into atoms: whole, or a pool of entries of some size. */
  static String pool(Section s) {
    return s.merge() == Section.Merge.NONE ? WHOLE
        : pool(s.merge() == Section.Merge.STRINGS, s.entrySize());
  }

  static String pool(boolean strings, long entrySize) {
    return (strings ? "strings of " : "constants of ") + entrySize;
  }

  private static String symbol(int index, String name, long value, long size,
      Symbol.Binding binding, Symbol.Type type, String section) {
    return String.format("%d %s value=0x%x size=%d %s %s section=%s", index, name, value, size,
        binding, type, section);
  }

  /** A relocation's line; without " addend=" if {@code addend} is null. */
  private static String relocation(int target, long offset, int type, String typeName,
      int symbolIndex, String symbolName, Long addend) {
    String line = String.format("section %d offset=0x%x type=%d %s symbol=%d %s", target,
        offset, type, typeName, symbolIndex, symbolName);
    return addend == null ? line : line + " addend=" + addend;
  }

  private static Symbol.Binding binding(long value) {
    return switch ((int) value) {
      case 0 -> Symbol.Binding.LOCAL;
      case 1 -> Symbol.Binding.GLOBAL;
      case 2 -> Symbol.Binding.WEAK;
      default -> throw new IllegalArgumentException("binding " + value);
    };
  }

  private static Symbol.Type type(long value) {
    return switch ((int) value) {
      case 0 -> Symbol.Type.NONE;
      case 1 -> Symbol.Type.OBJECT;
      case 2 -> Symbol.Type.FUNCTION;
      case 3 -> Symbol.Type.SECTION;
      case 4 -> Symbol.Type.FILE;
      default -> Symbol.Type.OTHER;
    };
  }
}

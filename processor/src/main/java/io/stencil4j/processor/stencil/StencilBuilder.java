package io.stencil4j.processor.stencil;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.HoleValue;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.processor.object.ObjectFile;
import io.stencil4j.processor.object.Relocation;
import io.stencil4j.processor.object.Section;
import io.stencil4j.processor.object.Symbol;
import io.stencil4j.processor.target.Reference;
import io.stencil4j.processor.target.Site;
import io.stencil4j.processor.target.StencilDraft;
import io.stencil4j.processor.target.Target;
import io.stencil4j.processor.target.UnsupportedRelocationException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one object file into a stencil: lays out its code (entry first) and data, resolves every
 * relocation to a hole through the target's rules, cuts the trailing jump to the next stencil and
 * appends the GOT slots to the data.
 */
public final class StencilBuilder implements StencilDraft {
  /** Data starts at 16-byte aligned addresses (SSE constants need it), so sizes are padded. */
  public static final int DATA_ALIGNMENT = 16;
  private static final String HOLE_PREFIX = "_JIT_";
  private static final String IMPORT_PREFIX = "__imp_";
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

  private final String name;
  private final ObjectFile object;
  private final Target target;
  private final Map<Integer, Site> sectionBases = new HashMap<>();
  private byte[] code;
  private int codeLengthBeforeTrampolines;
  private byte[] data;
  private final List<Hole> codeHoles = new ArrayList<>();
  private final List<Hole> dataHoles = new ArrayList<>();
  private final Map<Reference, Integer> gotSlots = new LinkedHashMap<>();
  private final Map<Reference, Integer> trampolines = new LinkedHashMap<>();

  private StencilBuilder(String name, ObjectFile object, Target target) {
    this.name = name;
    this.object = object;
    this.target = target;
  }

  /** The stencil {@code name} from {@code object}, compiled for {@code target}. */
  public static StencilGroup build(String name, ObjectFile object, Target target)
      throws BadStencilException {
    return new StencilBuilder(name, object, target).build();
  }

  private StencilGroup build() throws BadStencilException {
    for (Section section : object.sections()) {
      if (section.kind() == Section.Kind.THREAD_LOCAL) {
        throw new BadStencilException("thread-local storage (section " + section.name()
            + ") cannot be used in a stencil");
      }
    }
    layOutCode();
    data = layOut(object.sections().stream()
        .filter(s -> s.kind() == Section.Kind.DATA || s.kind() == Section.Kind.ZERO_FILL)
        .toList(), Site.Part.DATA, 0);
    List<Placed> relocations = placedRelocations();
    cutTrailingJump(relocations);
    codeLengthBeforeTrampolines = code.length;
    for (Placed placed : relocations) {
      try {
        target.relocate(placed.relocation, placed.site, placed.reference, this);
      } catch (UnsupportedRelocationException e) {
        throw new BadStencilException("unsupported relocation " + e.getMessage() + " at "
            + placed.site.part().name().toLowerCase() + " offset "
            + String.format("%#x", placed.site.offset()) + " (to " + placed.reference + ")");
      }
    }
    appendTrampolines();
    appendGotSlots();
    if (code.length % target.codeAlignment() != 0) {
      append(target.padding(target.codeAlignment() - code.length % target.codeAlignment()));
    }
    return new StencilGroup(name, code, data, codeHoles, dataHoles);
  }

  /** Lays out the code sections, the one defining {@code _JIT_ENTRY} first. */
  private void layOutCode() throws BadStencilException {
    String entryName = target.symbolPrefix() + "_JIT_ENTRY";
    Symbol entry = object.symbol(entryName).filter(Symbol::isDefined).orElseThrow(
        () -> new BadStencilException("the template does not define _JIT_ENTRY"));
    Section entrySection = entry.section() > 0 ? object.section(entry.section()) : null;
    if (entrySection == null || entrySection.kind() != Section.Kind.CODE) {
      throw new BadStencilException("_JIT_ENTRY is not a function in a code section");
    }
    List<Section> sections = new ArrayList<>();
    sections.add(entrySection);
    for (Section section : object.sections()) {
      if (section.kind() == Section.Kind.CODE && section != entrySection) {
        sections.add(section);
      }
    }
    code = layOut(sections, Site.Part.CODE, 0);
    if (entry.value() != 0) {
      throw new BadStencilException(String.format("_JIT_ENTRY is at code offset %#x, not 0: "
          + "define it before any other function of the template", entry.value()));
    }
  }

  private byte[] layOut(List<Section> sections, Site.Part part, int start)
      throws BadStencilException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (Section section : sections) {
      if (section.alignment() > DATA_ALIGNMENT && part == Site.Part.DATA) {
        throw new BadStencilException("section " + section.name() + " needs " + section.alignment()
            + "-byte alignment; stencil data is only " + DATA_ALIGNMENT + "-byte aligned");
      }
      while (bytes.size() % Math.min(section.alignment(), DATA_ALIGNMENT) != 0) {
        bytes.write(0);
      }
      sectionBases.put(section.index(), new Site(part, start + bytes.size()));
      if (section.kind() == Section.Kind.ZERO_FILL) {
        bytes.write(new byte[Math.toIntExact(section.size())], 0, (int) section.size());
      } else {
        bytes.write(section.bytes(), 0, section.bytes().length);
      }
    }
    return bytes.toByteArray();
  }

  private record Placed(Relocation relocation, Site site, Reference reference) {}

  private List<Placed> placedRelocations() throws BadStencilException {
    List<Placed> placed = new ArrayList<>();
    for (Section section : object.sections()) {
      Site base = sectionBases.get(section.index());
      if (base == null) {
        continue;
      }
      for (Relocation relocation : section.relocations()) {
        Site site = new Site(base.part(), base.offset() + Math.toIntExact(relocation.offset()));
        placed.add(new Placed(relocation, site, resolve(relocation.symbol())));
      }
    }
    return placed;
  }

  private Reference resolve(Symbol symbol) throws BadStencilException {
    if (!symbol.isDefined() && symbol.name().startsWith(IMPORT_PREFIX)) {
      // a dllimport's __imp_X holds the address of X: exactly a GOT slot
      Symbol imported = new Symbol(symbol.index(), symbol.name().substring(IMPORT_PREFIX.length()),
          Symbol.UNDEFINED, 0, 0, symbol.binding(), symbol.type());
      return new Reference(HoleValue.DATA, "", gotSlot(resolve(imported)));
    }
    if (symbol.isDefined()) {
      Site base = sectionBases.get(symbol.section());
      if (base == null) {
        throw new BadStencilException("a relocation refers to " + describe(symbol)
            + ", which is in a section that is not part of the stencil");
      }
      HoleValue value = base.part() == Site.Part.CODE ? HoleValue.CODE : HoleValue.DATA;
      return new Reference(value, "", base.offset() + symbol.value());
    }
    String name = symbol.name().startsWith(target.symbolPrefix())
        ? symbol.name().substring(target.symbolPrefix().length()) : symbol.name();
    if (!name.startsWith(HOLE_PREFIX)) {
      return new Reference(HoleValue.SYMBOL, name, 0);
    }
    String hole = name.substring(HOLE_PREFIX.length());
    switch (hole) {
      case "CONTINUE":
        return new Reference(HoleValue.CONTINUE, "", 0);
      case "CODE":
        return new Reference(HoleValue.CODE, "", 0);
      case "DATA":
        return new Reference(HoleValue.DATA, "", 0);
      case "ENTRY":
        throw new BadStencilException("_JIT_ENTRY is used but not defined");
      default:
        if (!PARAMETER_NAME.matcher(hole).matches()) {
          throw new BadStencilException("hole " + name + ": a hole's name after _JIT_ must be "
              + "UPPER_SNAKE_CASE (it maps to the emitter parameter of the same name)");
        }
        return new Reference(HoleValue.PARAMETER, hole, 0);
    }
  }

  private static String describe(Symbol symbol) {
    return symbol.name().isEmpty() ? "symbol #" + symbol.index() : symbol.name();
  }

  /** Cuts the jump to {@code _JIT_CONTINUE} that ends the code, so the next stencil follows. */
  private void cutTrailingJump(List<Placed> relocations) {
    Placed last = null;
    for (Placed placed : relocations) {
      if (placed.site.part() == Site.Part.CODE
          && (last == null || placed.site.offset() > last.site.offset())) {
        last = placed;
      }
    }
    if (last == null) {
      return;
    }
    int length = target.trailingJumpLength(code, last.relocation, last.site, last.reference);
    if (length > 0) {
      code = Arrays.copyOf(code, code.length - length);
      relocations.remove(last);
    }
  }

  /**
   * Appends the trampolines after the code, behind a jump to the next stencil so that falling
   * off the end of the code never runs into them.
   */
  private void appendTrampolines() {
    if (trampolines.isEmpty()) {
      return;
    }
    int jumpAt = code.length;
    append(target.jump());
    codeHoles.add(target.jumpHole().shifted(jumpAt));
    append(target.padding(trampolineBase() - code.length));
    for (Map.Entry<Reference, Integer> trampoline : trampolines.entrySet()) {
      append(target.trampoline());
      codeHoles.add(trampoline.getKey().hole(trampoline.getValue() + target.trampolineAddress(),
          HoleKind.ABS_64, 0));
    }
  }

  /** Where the trampolines start: after the code and the jump over them, 8-byte aligned. */
  private int trampolineBase() {
    return align(codeLengthBeforeTrampolines + target.jump().length, 8);
  }

  private void append(byte[] bytes) {
    int at = code.length;
    code = Arrays.copyOf(code, at + bytes.length);
    System.arraycopy(bytes, 0, code, at, bytes.length);
  }

  /** Appends the GOT after the data and pads the data to {@link #DATA_ALIGNMENT}. */
  private void appendGotSlots() {
    int end = gotSlots.isEmpty() ? data.length : gotBase() + 8 * gotSlots.size();
    data = Arrays.copyOf(data, align(end, DATA_ALIGNMENT));
    for (Map.Entry<Reference, Integer> slot : gotSlots.entrySet()) {
      dataHoles.add(slot.getKey().hole(slot.getValue(), HoleKind.ABS_64, 0));
    }
  }

  private int gotBase() {
    return align(data.length, 8);
  }

  private static int align(int size, int alignment) {
    return (size + alignment - 1) / alignment * alignment;
  }

  @Override
  public byte[] bytes(Site.Part part) {
    return part == Site.Part.CODE ? code : data;
  }

  @Override
  public void addHole(Site.Part part, Hole hole) {
    (part == Site.Part.CODE ? codeHoles : dataHoles).add(hole);
  }

  @Override
  public int trampoline(Reference reference) {
    return trampolines.computeIfAbsent(reference,
        r -> trampolineBase() + target.trampoline().length * trampolines.size());
  }

  @Override
  public int gotSlot(Reference reference) {
    return gotSlots.computeIfAbsent(reference, r -> gotBase() + 8 * gotSlots.size());
  }
}

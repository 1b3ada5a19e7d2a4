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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one object file into a stencil: lays out its code (entry first) and data, resolves every
 * relocation to a hole through the target's rules, cuts the trailing jump to the next stencil and
 * appends the GOT slots to the data.
 */
public final class StencilBuilder implements StencilDraft {
  /** Data starts at 16-byte aligned addresses (SSE constants need it), so sizes are padded. */
  public static final int DATA_ALIGNMENT = 16;
  /**
   * The most code or data one stencil may have: far beyond what a template needs (the emitter
   * copies it all for every instance), and small enough that a damaged size (a .bss of
   * gigabytes) is a quick error rather than an out-of-memory or seconds of copying.
   */
  static final int MAX_PART_SIZE = 1 << 20;
  /** The entry's name in the template, and the prefix of every hole. */
  public static final String ENTRY = "_JIT_ENTRY";

  private final String name;
  private final String entryName;
  private final ObjectFile object;
  private final Target target;
  private final Atoms atoms;
  /** Every placed atom, in layout order. */
  private final Map<Atoms.Atom, Placement> placements = new LinkedHashMap<>();
  private byte[] code;
  private int codeLengthBeforeTrampolines;
  private byte[] data;
  private final List<Hole> codeHoles = new ArrayList<>();
  private final List<Hole> dataHoles = new ArrayList<>();
  private final Map<Reference, Integer> gotSlots = new LinkedHashMap<>();
  private final Map<Reference, Integer> trampolines = new LinkedHashMap<>();

  private StencilBuilder(String name, String entryName, ObjectFile object, Target target) {
    this.name = name;
    this.entryName = entryName;
    this.object = object;
    this.target = target;
    this.atoms = new Atoms(object);
  }

  /** The stencil {@code name} from {@code object} (its own), compiled for {@code target}. */
  public static StencilGroup build(String name, ObjectFile object, Target target)
      throws BadStencilException {
    return build(name, ENTRY, object, target);
  }

  /**
   * The stencil {@code name} whose entry is the function {@code entryName}, cut out of
   * {@code object} (which may hold other stencils) with what it references.
   */
  public static StencilGroup build(String name, String entryName, ObjectFile object,
      Target target) throws BadStencilException {
    return new StencilBuilder(name, entryName, object, target).build();
  }

  /** Where an atom went: its part and offset in the stencil. */
  private record Placement(Atoms.Atom atom, Site.Part part, int offset) {}

  private StencilGroup build() throws BadStencilException {
    if (!target.accepts(object)) {
      throw new BadStencilException("the compiler produced " + Target.describe(object.format(),
          object.architecture()) + ", not " + target.describeObject() + ": remove the flags that "
          + "choose another target (such as -arch, -m32 or --target)");
    }
    layOut();
    List<Placed> relocations = placedRelocations();
    boolean fallsThrough = cutTrailingJump(relocations);
    requireSeparate(relocations);
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
    return new StencilGroup(name, code, data, codeHoles, dataHoles, fallsThrough);
  }

  /**
   * Lays out the atoms the entry reaches through relocations: code first (the entry's atom at
   * offset 0), then data.
   */
  private void layOut() throws BadStencilException {
    Symbol entry = object.symbol(target.symbolPrefix() + entryName).filter(Symbol::isDefined)
        .orElseThrow(() -> new BadStencilException("the template does not define " + ENTRY));
    Section entrySection = entry.section() > 0 ? object.section(entry.section()) : null;
    if (entrySection == null || entrySection.kind() != Section.Kind.CODE) {
      throw new BadStencilException(ENTRY + " is not a function in a code section");
    }
    if (entry.value() >= entrySection.size()) {
      throw new BadStencilException(String.format("%s is at offset %#x of section %s, which "
          + "has only %d bytes", ENTRY, entry.value(), entrySection.name(), entrySection.size()));
    }
    Atoms.Atom entryAtom = atoms.at(entrySection, entry.value());
    if (entryAtom.start() != entry.value()) {
      throw new BadStencilException(String.format("%s is at code offset %#x, not 0: define it "
          + "before any other function of the template", ENTRY,
          entry.value() - entryAtom.start()));
    }
    List<Atoms.Atom> codeAtoms = new ArrayList<>(List.of(entryAtom));
    List<Atoms.Atom> dataAtoms = new ArrayList<>();
    Set<Atoms.Atom> seen = new HashSet<>(codeAtoms);
    Deque<Atoms.Atom> work = new ArrayDeque<>(codeAtoms);
    while (!work.isEmpty()) {
      Atoms.Atom atom = work.pop();
      for (Relocation relocation : atoms.relocationsIn(atom)) {
        if (!relocation.symbol().isDefined()) {
          continue;
        }
        Atoms.Atom reached = reachedBy(relocation);
        if (seen.add(reached)) {
          (reached.section().kind() == Section.Kind.CODE ? codeAtoms : dataAtoms).add(reached);
          work.add(reached);
        }
      }
    }
    code = place(codeAtoms, Site.Part.CODE);
    data = place(dataAtoms, Site.Part.DATA);
  }

  private Section definingSection(Symbol symbol) throws BadStencilException {
    Section section = symbol.section() > 0 ? object.section(symbol.section()) : null;
    if (section == null || section.kind() == Section.Kind.OTHER) {
      throw new BadStencilException("a relocation refers to " + TemplateSymbols.describe(symbol)
          + ", which is in a section that is not part of the stencil");
    }
    if (section.kind() == Section.Kind.THREAD_LOCAL) {
      throw new BadStencilException("thread-local storage (" + TemplateSymbols.describe(symbol)
          + ") cannot be used in a stencil");
    }
    return section;
  }

  /**
   * The atom a relocation to a defined symbol reaches, as a linker finds it: a named symbol's
   * own atom, whatever the addend (one past the end of an array is still that array); for a
   * section symbol, the atom at the place the addend selects, which for PC-relative fields
   * needs to know where the CPU counts from.
   */
  private Atoms.Atom reachedBy(Relocation relocation) throws BadStencilException {
    Symbol symbol = relocation.symbol();
    Section section = definingSection(symbol);
    if (section.size() == 0) {
      return new Atoms.Atom(section, 0, 0);
    }
    if (symbol.type() != Symbol.Type.SECTION) {
      return atoms.at(section, Math.min(symbol.value(), section.size() - 1));
    }
    if (atoms.isWhole(section)) {
      return atoms.at(section, 0);
    }
    if (relocation.pcBias() == Relocation.UNKNOWN_PC_BIAS) {
      throw new BadStencilException(String.format("the %s at offset %#x refers to an entry of "
          + "the mergeable section %s through the section symbol; which entry depends on the "
          + "length of the instruction, which the object does not record", relocation.typeName(),
          relocation.offset(), section.name()));
    }
    long place = symbol.value() + relocation.addend() + relocation.pcBias();
    if (place < 0 || place >= section.size()) {
      throw new BadStencilException(String.format("the %s at offset %#x refers to offset %#x of "
          + "section %s, outside its %d bytes", relocation.typeName(), relocation.offset(), place,
          section.name(), section.size()));
    }
    return atoms.at(section, place);
  }

  /**
   * Lays out {@code atoms} one after another, each at its section's alignment (which any piece of
   * the section needs at most), so that where an atom lands depends on nothing but the atoms
   * before it in this stencil.
   */
  private byte[] place(List<Atoms.Atom> atomsInOrder, Site.Part part) throws BadStencilException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (Atoms.Atom atom : atomsInOrder) {
      Section section = atom.section();
      if (section.alignment() > DATA_ALIGNMENT && part == Site.Part.DATA) {
        throw new BadStencilException("section " + section.name() + " needs " + section.alignment()
            + "-byte alignment; stencil data is only " + DATA_ALIGNMENT + "-byte aligned");
      }
      long alignment = Math.min(section.alignment(), DATA_ALIGNMENT);
      int padding = (int) Math.floorMod(-bytes.size(), alignment);
      long length = atom.end() - atom.start();
      if (length > MAX_PART_SIZE - bytes.size() - padding) {
        throw new BadStencilException(String.format("section %s (%d bytes) makes the stencil's "
            + "%s larger than %d MiB, the most a stencil may have: allocate large buffers at run "
            + "time", section.name(), section.size(), part.name().toLowerCase(),
            MAX_PART_SIZE >> 20));
      }
      placements.put(atom, new Placement(atom, part, bytes.size() + padding));
      byte[] pad = part == Site.Part.CODE ? target.padding(padding) : new byte[padding];
      bytes.write(pad, 0, pad.length);
      if (section.kind() == Section.Kind.ZERO_FILL) {
        bytes.write(new byte[(int) length], 0, (int) length);
      } else {
        bytes.write(section.bytes(), (int) atom.start(), (int) length);
      }
    }
    return bytes.toByteArray();
  }

  /**
   * Checks that no two relocations patch the same bytes and none runs past the end of its part:
   * a damaged object may put relocations on top of each other or at the very end of a section
   * (or of the code, once the trailing jump is cut).
   */
  private void requireSeparate(List<Placed> relocations) throws BadStencilException {
    List<Placed> byPlace = new ArrayList<>(relocations);
    byPlace.sort(Comparator.comparing((Placed p) -> p.site.part())
        .thenComparingInt(p -> p.site.offset()));
    Placed previous = null;
    for (Placed placed : byPlace) {
      String part = placed.site.part().name().toLowerCase();
      int end = placed.site.offset() + target.width(placed.relocation);
      if (previous != null && previous.site.part() == placed.site.part()
          && placed.site.offset() < previous.site.offset() + target.width(previous.relocation)) {
        throw new BadStencilException(String.format("the relocations at %s offsets %#x (%s) and "
            + "%#x (%s) patch the same bytes", part, previous.site.offset(),
            previous.relocation.typeName(), placed.site.offset(), placed.relocation.typeName()));
      }
      if (end > bytes(placed.site.part()).length) {
        throw new BadStencilException(String.format("the relocation at %s offset %#x (%s, %d "
            + "bytes) runs past the end of the %s (%d bytes)", part, placed.site.offset(),
            placed.relocation.typeName(), end - placed.site.offset(), part,
            bytes(placed.site.part()).length));
      }
      previous = placed;
    }
  }

  private record Placed(Relocation relocation, Site site, Reference reference) {}

  private List<Placed> placedRelocations() throws BadStencilException {
    List<Placed> placed = new ArrayList<>();
    for (Placement placement : placements.values()) {
      for (Relocation relocation : atoms.relocationsIn(placement.atom())) {
        Site site = new Site(placement.part(), placement.offset()
            + (int) (relocation.offset() - placement.atom().start()));
        placed.add(new Placed(relocation, site, resolve(relocation)));
      }
    }
    return placed;
  }

  private Reference resolve(Relocation relocation) throws BadStencilException {
    Symbol symbol = relocation.symbol();
    if (!symbol.isDefined()) {
      return resolve(symbol);
    }
    Atoms.Atom atom = reachedBy(relocation);
    Placement placement = placements.get(atom);
    if (placement == null) {
      throw new IllegalStateException("atom of " + TemplateSymbols.describe(symbol)
          + " was not placed");
    }
    HoleValue value = placement.part() == Site.Part.CODE ? HoleValue.CODE : HoleValue.DATA;
    // where the symbol is in the stencil; the hole adds the addend
    return new Reference(value, "", placement.offset() + symbol.value() - atom.start());
  }

  /** An undefined symbol: a GOT slot of an import, the next stencil, a parameter or a symbol. */
  private Reference resolve(Symbol symbol) throws BadStencilException {
    Optional<Symbol> imported = TemplateSymbols.imported(symbol);
    if (imported.isPresent()) {
      return new Reference(HoleValue.DATA, "", gotSlot(resolve(imported.get())));
    }
    return TemplateSymbols.reference(symbol, target.symbolPrefix());
  }

  /**
   * Cuts the jump to {@code _JIT_CONTINUE} that ends the code, so the next stencil follows;
   * whether there was one.
   */
  private boolean cutTrailingJump(List<Placed> relocations) {
    Placed last = null;
    for (Placed placed : relocations) {
      if (placed.site.part() == Site.Part.CODE
          && (last == null || placed.site.offset() > last.site.offset())) {
        last = placed;
      }
    }
    if (last == null) {
      return false;
    }
    int length = target.trailingJumpLength(code, last.relocation, last.site, last.reference);
    if (length > 0) {
      code = Arrays.copyOf(code, code.length - length);
      relocations.remove(last);
    }
    return length > 0;
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
    int end = gotSlots.isEmpty() ? data.length : gotBase() + slotSize() * gotSlots.size();
    data = Arrays.copyOf(data, align(end, DATA_ALIGNMENT));
    for (Map.Entry<Reference, Integer> slot : gotSlots.entrySet()) {
      // 32-bit code reads 4 bytes: a 4-byte hole refuses a value that does not fit
      dataHoles.add(slot.getKey().hole(slot.getValue(),
          slotSize() == 8 ? HoleKind.ABS_64 : HoleKind.ABS_32, 0));
    }
  }

  /** A GOT slot holds a pointer of the target. */
  private int slotSize() {
    return target.triple().pointerSize();
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
    return gotSlots.computeIfAbsent(reference, r -> gotBase() + slotSize() * gotSlots.size());
  }
}

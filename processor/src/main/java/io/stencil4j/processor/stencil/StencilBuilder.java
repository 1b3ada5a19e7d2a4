package io.stencil4j.processor.stencil;

import static io.stencil4j.processor.spec.TemplateNames.ENTRY;
import static io.stencil4j.processor.spec.TemplateNames.PREFIX;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleValue;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.processor.object.ObjectFile;
import io.stencil4j.processor.object.Relocation;
import io.stencil4j.processor.object.Section;
import io.stencil4j.processor.object.Symbol;
import io.stencil4j.processor.target.Reference;
import io.stencil4j.processor.target.Rule;
import io.stencil4j.processor.target.Site;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one object file into a stencil: lays out its code (entry first) and data, resolves every
 * relocation to a hole through the target's rules, cuts the trailing jump to the next stencil and
 * appends the GOT slots to the data.
 */
public final class StencilBuilder {
  /**
   * Each stencil's data starts at a 16-byte aligned address (SSE constants need it); sizes are
   * exact, and whoever lays stencils out rounds each start up.
   */
  public static final int DATA_ALIGNMENT = 16;
  /**
   * The most code or data one stencil may have: far beyond what a template needs (the emitter
   * copies it all for every instance), and small enough that a damaged size (a .bss of
   * gigabytes) is a quick error rather than an out-of-memory or seconds of copying.
   */
  static final int MAX_PART_SIZE = 1 << 20;

  private final String name;
  /** The entry function's name; null for the native helpers, which have a function each. */
  private final String entryName;
  private final ObjectFile object;
  private final Target target;
  private final Atoms atoms;
  /** Every placed atom, in layout order. */
  private final Map<Atoms.Atom, Placement> placements = new LinkedHashMap<>();
  private byte[] code;
  private byte[] data;
  private final List<Hole> codeHoles = new ArrayList<>();
  private final List<Hole> dataHoles = new ArrayList<>();
  /** Made once the data is laid out, since the slots follow it. */
  private GotSlots gotSlots;

  private StencilBuilder(String name, String entryName, ObjectFile object, Target target) {
    this.name = name;
    this.entryName = entryName;
    this.object = object;
    this.target = target;
    this.atoms = new Atoms(object);
  }

  /**
   * {@return the stencil {@code name} from {@code object} (its own), compiled for {@code target}}
   *
   * @param name the stencil
   * @param object the object file compiled for it alone
   * @param target the triple's rules
   * @throws BadStencilException if the object breaks the template contract, saying how
   */
  public static StencilGroup build(String name, ObjectFile object, Target target)
      throws BadStencilException {
    return build(name, ENTRY, object, target);
  }

  /**
   * {@return the stencil {@code name} whose entry is the function {@code entryName}, cut out of
   * {@code object} (which may hold other stencils) with what it references}
   *
   * @param name the stencil
   * @param entryName its entry function's name in {@code object}
   * @param object the object file
   * @param target the triple's rules
   * @throws BadStencilException if the object breaks the template contract, saying how
   */
  public static StencilGroup build(String name, String entryName, ObjectFile object,
      Target target) throws BadStencilException {
    return new StencilBuilder(name, entryName, object, target).build();
  }

  /**
   * {@return the native helpers {@code name} from {@code object}: every global function it
   * defines, with what they reference, and where each starts}
   *
   * @param name the stencil
   * @param object the helpers' object file
   * @param target the triple's rules
   * @throws BadStencilException if the object defines no function, a function whose name the
   *     template contract reserves, or uses a hole of the template contract
   */
  public static StencilGroup buildHelpers(String name, ObjectFile object, Target target)
      throws BadStencilException {
    return new StencilBuilder(name, null, object, target).build();
  }

  /** Where an atom went: its part and offset in the stencil. */
  private record Placement(Atoms.Atom atom, Site.Part part, int offset) {}

  private StencilGroup build() throws BadStencilException {
    if (!target.accepts(object)) {
      throw new BadStencilException("the compiler produced " + Target.describe(object.format(),
          object.architecture()) + ", not " + target.describeObject() + ": remove the flags that "
          + "choose another target (such as -arch, -m32 or --target)");
    }
    HelperFunctions functions =
        entryName == null ? HelperFunctions.of(object, target.symbolPrefix(), atoms) : null;
    layOut(functions != null ? functions.atoms() : List.of(entryAtom()));
    gotSlots = new GotSlots(target, data.length);
    List<Placed> relocations = placedRelocations();
    boolean fallsThrough = cutTrailingJump(relocations);
    requireSeparate(relocations);
    Trampolines trampolines = new Trampolines(target, code.length);
    for (Placed placed : relocations) {
      apply(placed, trampolines);
    }
    code = trampolines.appendTo(code, codeHoles);
    data = gotSlots.appendTo(data, dataHoles);
    int padding = Math.floorMod(-code.length, target.codeAlignment());
    code = Arrays.copyOf(code, code.length + padding);
    System.arraycopy(target.padding(padding), 0, code, code.length - padding, padding);
    return functions == null
        ? new StencilGroup(name, code, data, codeHoles, dataHoles, fallsThrough)
        : new StencilGroup(name, code, data, codeHoles, dataHoles,
            functions.offsets(atom -> placements.get(atom).offset()));
  }

  /** Turns one relocation into a hole by the target's rule for it. */
  private void apply(Placed placed, Trampolines trampolines) throws BadStencilException {
    Site site = placed.site;
    Rule rule;
    try {
      rule = target.rule(placed.relocation, site, placed.reference, bytes(site.part()));
    } catch (UnsupportedRelocationException e) {
      throw new BadStencilException("unsupported relocation " + e.getMessage() + " at "
          + site.part().name().toLowerCase() + " offset " + String.format("%#x", site.offset())
          + " (to " + placed.reference + ")");
    }
    Reference to = switch (rule.route()) {
      case DIRECT -> placed.reference;
      case GOT_SLOT -> new Reference(HoleValue.DATA, "", gotSlots.of(placed.reference));
      case TRAMPOLINE -> new Reference(HoleValue.CODE, "", trampolines.of(placed.reference));
    };
    (site.part() == Site.Part.CODE ? codeHoles : dataHoles)
        .add(to.hole(site.offset(), rule.kind(), placed.relocation.addend()));
  }

  /** The atom of the entry function, which must start it. */
  private Atoms.Atom entryAtom() throws BadStencilException {
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
    return entryAtom;
  }

  /**
   * Lays out the atoms the {@code roots} reach through relocations: code first (the roots' atoms
   * in order, so an entry's at offset 0), then data.
   */
  private void layOut(List<Atoms.Atom> roots) throws BadStencilException {
    List<Atoms.Atom> codeAtoms = new ArrayList<>(new LinkedHashSet<>(roots));
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
    if (entryName == null && symbol.name().startsWith(target.symbolPrefix() + PREFIX)) {
      throw new BadStencilException(TemplateSymbols.describe(symbol) + " is used, but helpers "
          + "are placed once and have no holes of the template contract: pass values as "
          + "arguments");
    }
    Optional<Symbol> imported = TemplateSymbols.imported(symbol);
    if (imported.isPresent()) {
      return new Reference(HoleValue.DATA, "", gotSlots.of(resolve(imported.get())));
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

  static int align(int size, int alignment) {
    return (size + alignment - 1) / alignment * alignment;
  }

  private byte[] bytes(Site.Part part) {
    return part == Site.Part.CODE ? code : data;
  }
}

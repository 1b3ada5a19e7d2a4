package io.stencil4j.processor.target;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleValue;
import io.stencil4j.model.Triple;
import io.stencil4j.processor.object.ObjectFile;
import io.stencil4j.processor.object.Relocation;
import io.stencil4j.processor.object.RelocationType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What differs between target triples: the clang flags, how symbols are spelled, which action
 * each relocation type asks for, and the instruction set's jumps, padding and trampolines.
 */
public final class Target {
  private final Triple triple;
  private final List<String> flags;
  private final String symbolPrefix;
  private final ObjectFile.Format format;
  private final Isa isa;
  /** The action of each relocation type, by {@link Relocation#type()}. */
  private final Map<Integer, Action> actions;

  Target(Triple triple, List<String> flags, String symbolPrefix, ObjectFile.Format format, Isa isa,
      Map<? extends RelocationType, Action> actions) {
    this.triple = triple;
    this.flags = List.copyOf(flags);
    this.symbolPrefix = symbolPrefix;
    this.format = format;
    this.isa = isa;
    this.actions = actions.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(e -> e.getKey().number(), Map.Entry::getValue));
  }

  /**
   * {@return the rules for {@code triple}, compiled by clang}
   *
   * @param triple the triple
   */
  public static Target of(Triple triple) {
    return Targets.of(triple);
  }

  /** {@return the rules for x86-64 Linux compiled by gcc} */
  public static Target gcc() {
    return Targets.gcc();
  }

  /** {@return the triple these rules are for} */
  public Triple triple() {
    return triple;
  }

  /** {@return stencil4j's clang flags for this triple (the user's flags follow them)} */
  public List<String> flags() {
    return flags;
  }

  /**
   * {@return the prefix the object format puts on C names: {@code _} on Mach-O and 32-bit Windows}
   */
  public String symbolPrefix() {
    return symbolPrefix;
  }

  /**
   * {@return whether {@code object} holds this target's kind of code: the user's flags can make the
   * compiler produce another (an {@code -arch} or {@code --target} flag)}
   *
   * @param object an object the compiler wrote
   */
  public boolean accepts(ObjectFile object) {
    return object.format() == format && object.architecture() == isa.architecture();
  }

  /** {@return what an object of this target is: its format and instruction set} */
  public String describeObject() {
    return describe(format, isa.architecture());
  }

  /**
   * {@return a format and instruction set as messages name them: "an ELF x86-64 object"}
   *
   * @param format the container format
   * @param architecture the instruction set
   */
  public static String describe(ObjectFile.Format format, ObjectFile.Architecture architecture) {
    String name = switch (format) {
      case ELF -> "ELF";
      case COFF -> "COFF";
      case MACH_O -> "Mach-O";
    };
    return (format == ObjectFile.Format.ELF ? "an " : "a ") + name + " " + architecture
        + " object";
  }

  /** {@return the alignment of stencil code: its size is a multiple of it} */
  public int codeAlignment() {
    return isa.codeAlignment();
  }

  /**
   * {@return {@code length} bytes of no-op instructions}
   *
   * @param length how many bytes
   */
  public byte[] padding(int length) {
    return isa.padding(length);
  }

  /**
   * {@return the length of the jump to the next stencil that ends the code, so it can be cut off
   * and stencils fall through; 0 when the code does not end with one}
   *
   * @param code the stencil's code, before any relocation is applied
   * @param last the relocation with the highest offset in the code
   * @param site where {@code last} applies
   * @param reference what {@code last} refers to
   */
  public int trailingJumpLength(byte[] code, Relocation last, Site site, Reference reference) {
    Action action = actions.get(last.type());
    boolean toNext = reference.value() == HoleValue.CONTINUE && reference.offset() == 0;
    if (action == null || site.part() != Site.Part.CODE || !toNext) {
      return 0;
    }
    return isa.jumpLength(code, site.offset(), action, last.addend());
  }

  /**
   * The rule for one relocation. A GOT load of an address within the stencils is rewritten in
   * {@code bytes} to use the address directly where the instruction allows, and its rule is then
   * {@link Rule.Route#DIRECT}.
   *
   * @param bytes the code or data {@code site} is in, which may be rewritten
   * @throws UnsupportedRelocationException when this target does not handle the type
   * @param relocation the relocation
   * @param site where it applies
   * @param reference what it refers to
   * @return the route (direct, through a GOT slot or a trampoline) and the hole's kind
   */
  public Rule rule(Relocation relocation, Site site, Reference reference, byte[] bytes)
      throws UnsupportedRelocationException {
    Action action = action(relocation);
    if (action == null) {
      throw new UnsupportedRelocationException(relocation.typeName());
    }
    boolean inCode = site.part() == Site.Part.CODE;
    Rule.Route route;
    if (action.isGot()) {
      boolean direct = action != Action.GOT_REL_32_STRICT && inCode && reference.isLocal()
          && isa.relax(bytes, site.offset(), action);
      route = direct ? Rule.Route.DIRECT : Rule.Route.GOT_SLOT;
    } else if (reference.value() == HoleValue.SYMBOL && inCode && isa.hasTrampolines()
        && isa.isBranch(bytes, site.offset(), action)) {
      route = Rule.Route.TRAMPOLINE;
    } else {
      route = Rule.Route.DIRECT;
    }
    return new Rule(route, action.kind());
  }

  /**
   * {@return how many bytes {@code relocation} patches; 0 for a type this target does not handle}
   *
   * @param relocation the relocation
   */
  public int width(Relocation relocation) {
    Action action = action(relocation);
    return action == null ? 0 : action.kind().width();
  }

  private Action action(Relocation relocation) {
    Action action = actions.get(relocation.type());
    // a Mach-O *_UNSIGNED of 4 bytes
    return action == Action.ABS_64 && relocation.width() == 4 ? Action.ABS_32 : action;
  }

  /**
   * {@return the code of a trampoline: an absolute jump to the address stored at {@link
   * #trampolineAddressOffset()} within it}
   */
  public byte[] trampoline() {
    return isa.trampoline();
  }

  /** {@return where in {@link #trampoline()} the address it jumps to is stored} */
  public int trampolineAddressOffset() {
    return isa.trampolineAddressOffset();
  }

  /** {@return a jump to the next stencil, to put in front of the trampolines, with its hole} */
  public byte[] jump() {
    return isa.jump();
  }

  /** {@return the hole of {@link #jump()}: at the returned hole's offset within the jump} */
  public Hole jumpHole() {
    return Hole.of(isa.jumpHoleOffset(), isa.jumpKind(), HoleValue.CONTINUE, isa.jumpAddend());
  }
}

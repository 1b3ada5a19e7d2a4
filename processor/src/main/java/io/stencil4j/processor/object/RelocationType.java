package io.stencil4j.processor.object;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One relocation type of one format and machine: the machine and number the file gives it, and
 * LLVM's name ({@link ElfRelocationType}, {@link CoffRelocationType}, {@link
 * MachORelocationType}).
 */
public interface RelocationType {
  /** {@return the machine (ELF {@code e_machine}, COFF {@code Machine}, Mach-O {@code cputype})} */
  int machine();

  /** {@return the type's number, as {@link Relocation#type()} holds it} */
  int number();

  /** {@return LLVM's name of the type, such as {@code R_X86_64_PC32}} */
  String name();

  /**
   * {@return LLVM's name of {@code known}, the type numbered {@code type}, or "unknown type 0x.."}
   *
   * @param known the type, or null if LLVM does not name it
   * @param type its number, for the unknown name
   */
  static String name(RelocationType known, int type) {
    return known != null ? known.name() : "unknown type 0x" + Integer.toHexString(type);
  }

  /**
   * {@return {@code types} by machine, then by number}
   *
   * @param <T> one format's enum of types
   * @param types its constants
   */
  static <T extends RelocationType> Map<Integer, Map<Integer, T>> byMachine(T[] types) {
    return Arrays.stream(types).collect(Collectors.groupingBy(RelocationType::machine,
        Collectors.toUnmodifiableMap(RelocationType::number, Function.identity())));
  }
}

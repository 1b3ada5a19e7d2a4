package io.stencil4j.processor.compile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;

/**
 * Disassembles objects with llvm-objdump for the C header's comments: one run per triple, since
 * starting the tool costs more than disassembling a stencil.
 */
public final class Disassembler {
  private Disassembler() {}

  /**
   * Per stencil name, llvm-objdump's lines for its object (instructions and relocations); empty
   * lists without llvm-objdump.
   */
  public static Map<String, List<String>> disassemble(Optional<Path> objdump,
      List<CompiledObject> objects) throws IOException {
    Map<String, List<String>> lines = new LinkedHashMap<>();
    if (objdump.isEmpty() || objects.isEmpty()) {
      return lines;
    }
    List<String> command = new ArrayList<>(List.of(objdump.get().toString(),
        "--disassemble", "--reloc", "--no-show-raw-insn"));
    for (CompiledObject object : objects) {
      command.add(object.file().toString());
    }
    String output = Toolchain.run(command);
    int next = 0;
    List<String> current = null;
    for (String line : output.split("\n")) {
      if (next < objects.size() && line.startsWith(objects.get(next).file() + ":")) {
        current = new ArrayList<>();
        lines.put(objects.get(next).job().unit().stencilName(), current);
        next++;
      } else if (current != null && !line.isBlank() && !line.startsWith("Disassembly of section")) {
        current.add(line.replace('\t', ' ').strip());
      }
    }
    return lines;
  }
}

package io.stencil4j.processor.compile;

import io.stencil4j.processor.spec.TemplateNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Disassembles objects with llvm-objdump for the C header's comments: one run per triple, since
 * starting the tool costs more than disassembling a stencil.
 */
public final class Disassembler {
  private static final Pattern FUNCTION = Pattern.compile("^[0-9a-f]+ <([^>]+)>:$");
  /** Far more than the disassembly of any library, yet a bound on a tool that runs away. */
  private static final int OUTPUT_LIMIT = 64 * 1024 * 1024;

  private Disassembler() {}

  /**
   * {@return per stencil name, llvm-objdump's lines for its object (instructions and relocations);
   * empty lists without llvm-objdump}
   *
   * @param clang the toolchain, whose llvm-objdump is used
   * @param objects the compiled objects
   * @throws IOException if llvm-objdump cannot be run
   */
  public static Map<String, List<String>> disassemble(Toolchain clang,
      List<CompiledObject> objects) throws IOException {
    Map<String, List<String>> lines = new LinkedHashMap<>();
    Optional<Path> objdump = clang.objdump();
    if (objdump.isEmpty() || objects.isEmpty()) {
      return lines;
    }
    List<String> command = new ArrayList<>(List.of(objdump.get().toString(),
        "--disassemble", "--reloc", "--no-show-raw-insn"));
    for (CompiledObject object : objects) {
      command.add(object.file().toString());
    }
    ProcessRunner.Result result = clang.run(command, OUTPUT_LIMIT);
    if (result.timedOut() || result.cut() > 0) {
      throw new IOException(objdump.get() + (result.timedOut()
          ? " " + ProcessRunner.didNotFinish(clang.timeout())
          : " printed more than " + OUTPUT_LIMIT + " bytes"));
    }
    String output = result.output();
    int next = 0;
    CompiledObject current = null;
    List<String> function = null;
    for (String line : output.split("\n")) {
      if (next < objects.size() && line.startsWith(objects.get(next).file() + ":")) {
        current = objects.get(next++);
        function = null;
        if (!current.job().unit().batch()) {
          function = new ArrayList<>();
          lines.put(current.job().unit().stencilNames().get(0), function);
        }
        continue;
      }
      Matcher header = FUNCTION.matcher(line);
      if (current != null && current.job().unit().batch() && header.find()) {
        // a batch's functions are its stencils: _JIT_ENTRY_NAME
        String name = current.job().unit().stencilNames().stream()
            .filter(n -> header.group(1).endsWith(TemplateNames.entryOf(n))).findFirst()
            .orElse(null);
        function = name == null ? null : new ArrayList<>();
        if (name != null) {
          lines.put(name, function);
        }
      }
      if (function != null && !line.isBlank() && !line.startsWith("Disassembly of section")) {
        function.add(line.replace('\t', ' ').strip());
      }
    }
    return lines;
  }
}

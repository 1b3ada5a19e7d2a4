package io.stencil4j.processor.build;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.processor.compile.CompileJob;
import io.stencil4j.processor.compile.CompiledObject;
import io.stencil4j.processor.compile.StencilCompiler;
import io.stencil4j.processor.diagnostic.StencilException;
import io.stencil4j.processor.object.MalformedObjectException;
import io.stencil4j.processor.object.ObjectFile;
import io.stencil4j.processor.object.ObjectFiles;
import io.stencil4j.processor.spec.TemplateNames;
import io.stencil4j.processor.stencil.BadStencilException;
import io.stencil4j.processor.stencil.StencilBuilder;
import io.stencil4j.processor.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads a compiled object into its stencils, its problems named by case and triple. */
final class ObjectStencils {
  /** A message about the template's entry function, not about a case. */
  private static final Pattern ENTRY = Pattern.compile("\\b" + TemplateNames.ENTRY + "\\b");

  private ObjectStencils() {}

  /** The stencils in {@code object}: one, or each case of a batch. */
  static List<StencilGroup> of(CompiledObject object, Target target) throws StencilException {
    CompileJob job = object.job();
    List<StencilGroup> stencils = new ArrayList<>();
    String name = job.unit().stencilNames().get(0);
    String what = job.unit().batch() ? "case " + name + " for " + job.triple().triple()
        : StencilCompiler.describe(job);
    if (isBitcode(object.bytes())) {
      throw StencilException.at(job.unit().member(), what + ": the compiler produced LLVM "
          + "bitcode, not an object file: remove the flags that ask for it (such as -flto or "
          + "-emit-llvm)");
    }
    try {
      ObjectFile file = ObjectFiles.read(object.bytes());
      for (String stencilName : job.unit().stencilNames()) {
        name = stencilName;
        stencils.add(job.unit().member().equals("helpers")
            ? StencilBuilder.buildHelpers(name, file, target)
            : StencilBuilder.build(name, job.unit().entryName(name), file, target));
      }
    } catch (MalformedObjectException | BadStencilException e) {
      if (job.unit().batch()) {
        what = "case " + name + " for " + job.triple().triple();
      }
      // the template defines _JIT_ENTRY for every case
      String member = ENTRY.matcher(e.getMessage()).find() && job.unit().member().equals("cases")
          ? "template" : job.unit().member();
      throw StencilException.at(member, what + ": " + e.getMessage());
    }
    return stencils;
  }

  /** Whether {@code bytes} are LLVM bitcode, bare or in its wrapper. */
  private static boolean isBitcode(byte[] bytes) {
    return bytes.length >= 4 && (bytes[0] == 'B' && bytes[1] == 'C' && bytes[2] == (byte) 0xc0
        && bytes[3] == (byte) 0xde || bytes[0] == (byte) 0xde && bytes[1] == (byte) 0xc0
        && bytes[2] == 0x17 && bytes[3] == 0x0b);
  }
}

package io.stencil4j.processor.compile;

import io.stencil4j.model.Triple;
import java.util.List;

/**
 * One clang run: a translation unit compiled for a triple.
 *
 * @param unit what to compile
 * @param triple the target triple
 * @param toolchain the compiler
 * @param flags every flag but the input and output files
 */
public record CompileJob(TranslationUnit unit, Triple triple, Toolchain toolchain,
    List<String> flags) {
  /**
   * Copies the flags, so that a job cannot change once made.
   *
   * @param unit what to compile
   * @param triple the target triple
   * @param toolchain the compiler
   * @param flags every flag but the input and output files
   */
  public CompileJob {
    flags = List.copyOf(flags);
  }
}

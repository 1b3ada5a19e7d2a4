package io.stencil4j.processor.compile;

import java.nio.file.Path;
import java.util.List;

/**
 * The object file clang produced for a job.
 *
 * @param job the job
 * @param file where the object file is, until the compiler is closed
 * @param bytes the object file
 * @param warnings what clang printed, if anything (its warnings)
 * @param dependencies the files clang read besides the translation unit (headers), from its
 *     dependency output
 * @param nanos how long clang ran
 */
public record CompiledObject(CompileJob job, Path file, byte[] bytes, String warnings,
    List<Path> dependencies, long nanos) {
  /**
   * Copies the dependencies, so that an object cannot change once made.
   *
   * @param job the job that built it
   * @param file where it was written
   * @param bytes the object file
   * @param warnings what clang printed, if anything
   * @param dependencies the headers clang read
   * @param nanos how long clang ran
   */
  public CompiledObject {
    dependencies = List.copyOf(dependencies);
  }
}

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
  public CompiledObject {
    dependencies = List.copyOf(dependencies);
  }
}

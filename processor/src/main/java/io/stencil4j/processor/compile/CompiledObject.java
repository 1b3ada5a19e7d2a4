package io.stencil4j.processor.compile;

import java.nio.file.Path;

/**
 * The object file clang produced for a job.
 *
 * @param job the job
 * @param file where the object file is, until the compiler is closed
 * @param bytes the object file
 * @param warnings what clang printed, if anything (its warnings)
 * @param nanos how long clang ran
 */
public record CompiledObject(CompileJob job, Path file, byte[] bytes, String warnings, long nanos) {}

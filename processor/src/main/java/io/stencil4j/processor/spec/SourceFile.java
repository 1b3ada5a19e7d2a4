package io.stencil4j.processor.spec;

import java.nio.file.Path;

/**
 * A file compiled as it is, into one stencil: the shim, the native helpers, or a template
 * without cases.
 *
 * @param stencilName the stencil it compiles to
 * @param member the {@code @Stencil} member that names the file, for error positions
 * @param file the file
 * @param text its text
 */
public record SourceFile(String stencilName, String member, Path file, String text) {}

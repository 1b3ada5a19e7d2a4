package io.stencil4j.processor.spec;

import java.nio.file.Path;

/**
 * One case of a cases file: the text pasted in place of the template's {@code CASE} token.
 *
 * @param name the stencil's name, e.g. {@code PUSH_CONST}
 * @param text the case's text, e.g. {@code case PUSH_CONST: { ... }}
 * @param file the cases file it comes from
 * @param line the 1-based line of {@code file} where {@code text} starts
 */
public record StencilCase(String name, String text, Path file, int line) {}

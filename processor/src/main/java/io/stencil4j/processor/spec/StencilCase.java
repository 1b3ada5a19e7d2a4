package io.stencil4j.processor.spec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One case of a cases file, or one value of a variant case: the text pasted in place of the
 * template's {@code CASE} token.
 *
 * @param name the stencil's name, e.g. {@code PUSH_CONST}, or {@code LOAD_2} for a variant
 * @param text the case's text, e.g. {@code case PUSH_CONST: { ... }}
 * @param file the cases file it comes from
 * @param line the 1-based line of {@code file} where {@code text} starts
 * @param variant the variant case this stencil is one value of, if any
 * @param value the variant parameter's value for this stencil (0 when there is no variant)
 */
public record StencilCase(String name, String text, Path file, int line,
    Optional<VariantCase> variant, int value) {}

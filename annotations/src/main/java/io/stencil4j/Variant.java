package io.stencil4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code int} parameter of an emitter method that selects one variant of a variant
 * case (a case written <code>case NAME(PARAMETER = FIRST..LAST): {</code>): the method appends
 * the stencil compiled with {@code PARAMETER} defined as the argument, and throws {@link
 * IllegalArgumentException} for a value outside {@code FIRST..LAST}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Variant {}

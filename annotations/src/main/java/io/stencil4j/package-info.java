/**
 * What a user writes: {@code @Stencil} on an interface that names a C template, {@code @Case} on
 * its methods, {@code @Variant} on the parameter that selects a variant, and {@code Label} for
 * jump targets; {@code StencilSink} is what generated emitters append to.
 */
package io.stencil4j;

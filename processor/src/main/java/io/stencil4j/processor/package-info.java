/**
 * Stencil4j's entry points, the annotation processor and the command line: their options, their
 * diagnostics, and where the generated files go. They call the build package; nothing depends on
 * this package (see docs/ARCHITECTURE.md).
 */
package io.stencil4j.processor;

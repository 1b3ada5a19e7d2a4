/**
 * Stencil4j's entry points, the annotation processor and the command line, and the orchestration
 * of one library's build through the stages below. May depend on every package of the processor;
 * nothing depends on it (see docs/ARCHITECTURE.md).
 */
package io.stencil4j.processor;

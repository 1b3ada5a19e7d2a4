/**
 * A problem with the user's input, and what it is reported on. A leaf: depends on nothing of
 * the processor, so every stage can raise it.
 */
package io.stencil4j.processor.diagnostic;

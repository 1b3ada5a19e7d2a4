/**
 * Per-triple rules: compiler flags, which relocation type is which hole kind, GOT slots,
 * instruction relaxation. Depends on object and the model.
 */
package io.stencil4j.processor.target;

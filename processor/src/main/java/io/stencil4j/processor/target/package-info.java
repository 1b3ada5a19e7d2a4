/**
 * Per-triple rules: compiler flags, symbol prefixes, the {@link
 * io.stencil4j.processor.target.Rule} for each relocation (its hole kind, and whether it goes
 * directly, through a GOT slot or through a trampoline), instruction relaxation, padding and
 * trampoline code. It decides; the stencil package applies. Depends on object and the model.
 */
package io.stencil4j.processor.target;

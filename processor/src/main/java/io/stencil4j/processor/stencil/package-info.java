/**
 * A stencil cut out of an object as a linker would (atoms, layout, holes, and the GOT slots and
 * trampolines its target's rules ask for), and the interface's methods bound to their stencils.
 * Depends on object, target, spec, diagnostic and the model.
 */
package io.stencil4j.processor.stencil;

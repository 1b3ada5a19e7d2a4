/**
 * Running the compilers: finding clang and gcc, building translation units, running them with
 * timeouts and bounded output, reading their dependency files, disassembling. Depends on target,
 * spec, diagnostic and the model.
 */
package io.stencil4j.processor.compile;

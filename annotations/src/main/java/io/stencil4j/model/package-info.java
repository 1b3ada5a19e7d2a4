/**
 * The stencil model shared by the processor, the generated code and the runtime: triples,
 * stencils with their code, data and holes, hole kinds and their encodings, and the compact
 * text codec the generated classes carry. Depends on nothing.
 */
package io.stencil4j.model;

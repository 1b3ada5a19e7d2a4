/**
 * The generated Java entry class and C headers, rendered from built stencils; no decision about
 * bytes or holes is made here. Depends on stencil, spec and the model.
 */
package io.stencil4j.processor.output;

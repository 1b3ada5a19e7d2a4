/**
 * Clang's assembly for a translation unit, rewritten before it is assembled so that stencils
 * branch straight to their targets: conditional exits jump to the label or next stencil they
 * mean, and the jump to the next stencil comes last, where the stencil stage cuts it. Depends on
 * target (how symbols are spelled) and the model.
 */
package io.stencil4j.processor.assembly;

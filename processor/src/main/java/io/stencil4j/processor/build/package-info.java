/**
 * One build of one library through the stages: StencilBuild is the facade that javac and the
 * command line both call, LibraryBuilder the orchestration. Depends on the stages (spec,
 * compile, cache, object, target, stencil), diagnostic and the model; only the entry points
 * depend on it.
 */
package io.stencil4j.processor.build;

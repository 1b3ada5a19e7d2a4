/** The copy-and-patch runtime on {@code java.lang.foreign}: executable memory and patching. */
package io.stencil4j.runtime;

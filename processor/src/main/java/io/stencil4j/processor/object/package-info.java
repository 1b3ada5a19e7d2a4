/**
 * ELF, COFF and Mach-O objects read into one format-neutral ObjectFile; every malformed object
 * is a MalformedObjectException, and a read allocates at most a bounded multiple of the object's
 * size. Format facts stay here. Depends on nothing.
 */
package io.stencil4j.processor.object;

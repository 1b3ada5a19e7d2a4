/**
 * ELF, COFF and Mach-O objects read into one format-neutral ObjectFile; every malformed object
 * is a MalformedObjectException, and a read allocates at most a bounded multiple of the object's
 * size. Format facts stay here. Depends on nothing.
 *
 * <p>Every offset, size and index a reader takes from the file is checked before it is used
 * (through {@link io.stencil4j.processor.object.ByteReader}), so bad input ends in a {@link
 * io.stencil4j.processor.object.MalformedObjectException} that says what is wrong, never in a
 * runtime exception from an array or buffer access.
 */
package io.stencil4j.processor.object;

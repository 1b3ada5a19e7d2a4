/**
 * The copy-and-patch runtime on {@code java.lang.foreign}: executable memory and patching.
 *
 * <p><b>Threads.</b> A {@link io.stencil4j.runtime.JitAssembler} builds one function on one
 * thread. Assemblers on different threads may finish at once: the code heap they share locks.
 * A {@link io.stencil4j.runtime.JitFunction} is called from the threads its arena allows: a
 * confined arena's owner only (others get a {@code WrongThreadException}), any thread for a
 * shared, global or automatic arena. Its code and data are freed when the arena closes, which
 * FFM refuses while a call through the function is running; an automatic arena's functions are
 * freed by the garbage collector's cleaner thread. Data is shared by every thread that calls
 * the function: a stencil keeping state there must synchronize itself.
 *
 * <p><b>Host functions.</b> An exception escaping an upcall stub terminates the JVM; make stubs
 * for Java host functions that may throw with {@link io.stencil4j.runtime.Upcalls#stub}, whose
 * exceptions the function's handle rethrows.
 */
package io.stencil4j.runtime;

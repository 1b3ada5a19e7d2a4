/**
 * The stencil cache and snapshots: keys, atomic and checksummed entries, damaged entries that
 * fall back to compiling, option directories, input digests. Depends on compile, spec,
 * diagnostic and the model.
 */
package io.stencil4j.processor.cache;

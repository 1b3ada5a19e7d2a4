/**
 * The stencil cache and snapshots: keys, atomic and checksummed entries, damaged entries that
 * fall back to compiling, option directories. Depends on diagnostic and the model.
 */
package io.stencil4j.processor.cache;

/**
 * The user's input: annotation values and command-line options validated into a LibrarySpec (one
 * validator for both), files found, cases split, names checked. Depends on diagnostic and the
 * model only.
 */
package io.stencil4j.processor.spec;

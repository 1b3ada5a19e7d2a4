/**
 * The user's input: annotation values and command-line options validated into a LibrarySpec (one
 * validator for both), files found, cases split, names checked, and the names the template
 * contract reserves. Depends on diagnostic and the model only.
 */
package io.stencil4j.processor.spec;

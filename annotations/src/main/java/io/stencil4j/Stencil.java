package io.stencil4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a stencil library: a C template (and optionally a cases file and a shim) that the
 * Stencil4j annotation processor compiles with clang for every case and target triple, turning
 * each object file into a copy-and-patch stencil.
 *
 * <p>The annotated type must be an interface. Its abstract methods are typed emitters: a method
 * names a case ({@code pushConst} for {@code PUSH_CONST}, or {@link Case}) and its parameters are
 * that stencil's holes ({@code long operand} fills {@code _JIT_OPERAND}).
 *
 * <p>C files are looked up, in order, under each directory of {@code -Astencil.root}, on the
 * source path relative to the interface's package, and in the interface's own source directory.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Stencil {

  /** {@return the C template; it defines {@code _JIT_ENTRY} and contains the token {@code CASE}} */
  String template();

  /**
   * {@return the cases file: {@code case NAME: { ... }} blocks, one stencil each, pasted in place
   * of the template's {@code CASE} token} Empty: the template is one stencil, named after its
   * file.
   */
  String cases() default "";

  /**
   * {@return the shim: a C file whose {@code _JIT_ENTRY} has the native calling convention and
   * calls {@code _JIT_CONTINUE}, the first stencil} It becomes the stencil {@code SHIM}. Empty:
   * no shim.
   */
  String shim() default "";

  /**
   * {@return the native helpers: a C file of functions that stencils call by name, compiled with
   * the library (same flags, includes and defines; freestanding, like the template) and placed
   * once, so that calling one costs a native call} It becomes the stencil {@code HELPERS}, whose
   * functions are every global function the file defines. Empty: no helpers.
   */
  String helpers() default "";

  /** {@return the target triples, e.g. {@code "x86_64-unknown-linux-gnu"}} */
  String[] triples() default {"x86_64-unknown-linux-gnu"};

  /** {@return include directories, resolved like the C files} */
  String[] includes() default {};

  /** {@return preprocessor definitions, {@code NAME} or {@code NAME=VALUE}} */
  String[] defines() default {};

  /** {@return extra clang flags, passed after Stencil4j's own flags so they take precedence} */
  String[] flags() default {};

  /**
   * {@return the base name of the generated C headers ({@code NAME.h} and {@code NAME-TRIPLE.h})
   * and the prefix of their C identifiers} Empty: the interface's name in lower snake case.
   */
  String header() default "";

  /**
   * {@return the regular expression that finds cases in the cases file} It must define the named
   * groups {@code case} (the text pasted in place of {@code CASE}) and {@code name} (the stencil
   * name), and may define {@code variant} (the range {@code PARAMETER = FIRST..LAST} of a variant
   * case, see {@link Variant}).
   * Empty: blocks that open with a line <code>case NAME: {</code>, or <code>case
   * NAME(PARAMETER = FIRST..LAST): {</code>, and close at the first <code>}</code> line indented
   * like that {@code case}.
   */
  String casePattern() default "";
}

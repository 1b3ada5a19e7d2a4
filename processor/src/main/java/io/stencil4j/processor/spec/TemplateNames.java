package io.stencil4j.processor.spec;

/**
 * The names the template contract reserves, all beginning {@code _JIT_}: the entry function each
 * case defines, the macro naming the case, and the holes ({@code _JIT_CONTINUE}, {@code
 * _JIT_CODE}, {@code _JIT_DATA} and one {@code _JIT_NAME} per parameter).
 */
public final class TemplateNames {
  /** What every reserved name begins with; a hole's name follows it. */
  public static final String PREFIX = "_JIT_";
  /** The function a template defines for each case: the stencil's code starts with it. */
  public static final String ENTRY = PREFIX + "ENTRY";
  /** The macro that names the case being compiled. */
  public static final String CASE = PREFIX + "CASE";

  private TemplateNames() {}

  /**
   * {@return the entry of case {@code stencilName} where one translation unit holds every case}
   *
   * @param stencilName the case
   */
  public static String entryOf(String stencilName) {
    return ENTRY + "_" + stencilName;
  }
}

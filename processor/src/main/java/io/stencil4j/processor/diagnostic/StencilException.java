package io.stencil4j.processor.diagnostic;

import java.util.Optional;
import javax.lang.model.element.Element;

/**
 * Bad input found while building a stencil library: reported as one javac error, on the
 * annotation member it concerns, or on {@code element} when that is more precise.
 */
public final class StencilException extends Exception {
  private final transient Element element;
  /** The annotation member the problem is in; empty for the annotation, null for the element. */
  private final String member;
  /** The entry of an array member, or -1 for the whole value. */
  private final int index;

  private StencilException(String message, Element element, String member, int index,
      Throwable cause) {
    super(message, cause);
    this.element = element;
    this.member = member;
    this.index = index;
  }

  /**
   * {@return a problem with the {@code @Stencil} annotation's value {@code member}, such as
   * "template"}
   *
   * @param member the member, as the annotation spells it
   * @param message the error, naming file, case and triple where they apply
   */
  public static StencilException at(String member, String message) {
    return new StencilException(message, null, member, -1, null);
  }

  /**
   * {@return a problem with the {@code @Stencil} annotation as a whole, such as no usable clang}
   *
   * @param message the error
   */
  public static StencilException onAnnotation(String message) {
    return new StencilException(message, null, "", -1, null);
  }

  /**
   * {@return a problem with entry {@code index} of the {@code @Stencil} annotation's array {@code
   * member}}
   *
   * @param member the array member, as the annotation spells it
   * @param index the entry, from 0
   * @param message the error
   */
  public static StencilException at(String member, int index, String message) {
    return new StencilException(message, null, member, index, null);
  }

  /**
   * {@return a problem with the {@code @Stencil} annotation's value {@code member}, caused by
   * {@code cause}}
   *
   * @param member the member, as the annotation spells it
   * @param message the error
   * @param cause what failed underneath, kept for debugging
   */
  public static StencilException at(String member, String message, Throwable cause) {
    return new StencilException(message, null, member, -1, cause);
  }

  /**
   * {@return a problem with an element of the interface, such as an emitter method or its
   * parameter}
   *
   * @param element the method or parameter the error is on
   * @param message the error
   */
  public static StencilException on(Element element, String message) {
    return new StencilException(message, element, null, -1, null);
  }

  /** {@return the element to report on, if more precise than the annotated interface} */
  public Optional<Element> element() {
    return Optional.ofNullable(element);
  }

  /** {@return the annotation member to report on, if any; empty for the annotation as a whole} */
  public Optional<String> member() {
    return Optional.ofNullable(member);
  }

  /** {@return the entry of the array {@link #member()} to report on, or -1 for the whole value} */
  public int index() {
    return index;
  }
}

package io.stencil4j.processor.diagnostic;

import java.util.Optional;
import javax.lang.model.element.Element;

/**
 * Bad input found while building a stencil library: reported as one javac error, on the
 * annotation member it concerns, or on {@code element} when that is more precise.
 */
public final class StencilException extends Exception {
  private final transient Element element;
  private final String member;
  private final int index;

  private StencilException(String message, Element element, String member, int index,
      Throwable cause) {
    super(message, cause);
    this.element = element;
    this.member = member;
    this.index = index;
  }

  /** A problem with the {@code @Stencil} annotation's value {@code member}, e.g. "template". */
  public static StencilException at(String member, String message) {
    return new StencilException(message, null, member, -1, null);
  }

  /** A problem with the {@code @Stencil} annotation as a whole, e.g. no usable clang. */
  public static StencilException onAnnotation(String message) {
    return new StencilException(message, null, "", -1, null);
  }

  /** A problem with entry {@code index} of the {@code @Stencil} annotation's array {@code member}. */
  public static StencilException at(String member, int index, String message) {
    return new StencilException(message, null, member, index, null);
  }

  /** A problem with the {@code @Stencil} annotation's value {@code member}, caused by {@code cause}. */
  public static StencilException at(String member, String message, Throwable cause) {
    return new StencilException(message, null, member, -1, cause);
  }

  /** A problem with an element of the interface, e.g. an emitter method or its parameter. */
  public static StencilException on(Element element, String message) {
    return new StencilException(message, element, null, -1, null);
  }

  /** The element to report on, if more precise than the annotated interface. */
  public Optional<Element> element() {
    return Optional.ofNullable(element);
  }

  /** The annotation member to report on, if any; empty for the annotation as a whole. */
  public Optional<String> member() {
    return Optional.ofNullable(member);
  }

  /** The entry of the array {@link #member()} to report on, or -1 for the whole value. */
  public int index() {
    return index;
  }
}

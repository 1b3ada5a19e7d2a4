package io.stencil4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the case an emitter method appends, where the method's name does not map to it. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Case {
  /** {@return the case's name as the cases file spells it, e.g. {@code "PUSH_CONST"}} */
  String value();
}

package io.stencil4j.model;

/** What a hole's value is relative to; the hole's addend is added to it. */
public enum HoleValue {
  /** The address of this stencil's code. */
  CODE,
  /** The address of this stencil's data. */
  DATA,
  /** The address right after this stencil's code: the next stencil ({@code _JIT_CONTINUE}). */
  CONTINUE,
  /** A value the emitter passes: {@code _JIT_NAME} is the parameter {@code NAME}. */
  PARAMETER,
  /** The address of an external symbol ({@code memcpy}, a host helper), resolved when emitting. */
  SYMBOL
}

package io.example;

import io.stencil4j.Stencil;

/** {@code acc * 2}. */
@Stencil(template = "twice.c")
public interface Twice {
  void twice();
}

package io.example;

import io.stencil4j.Case;
import io.stencil4j.Stencil;

/** {@code acc + ADDEND}, with ADDEND from calc.h. */
@Stencil(template = "calc.c", cases = "calc_cases.c", shim = "shim.c")
public interface Calc {
  void shim();

  void add();

  @Case("RETURN")
  void ret();
}

package io.stencil4j.processor.compile;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Make rules as clang and gcc write them with -MD -MF, and what is none. */
class MakeRuleTest {
  @Test
  void continuedLinesEscapedBlanksAndDollars() {
    assertThat(MakeRule.prerequisites("/t/0-ADD.o: /t/0-ADD.c \\\n  /a\\ b/x.h /c/$$d.h\n"))
        .hasValue(List.of("/t/0-ADD.c", "/a b/x.h", "/c/$d.h"));
  }

  @Test
  void withoutABlankAfterTheColonTheFirstNameIsWhole() {
    assertThat(MakeRule.prerequisites("/t/0-ADD.o:/t/0-ADD.c /t/h.h"))
        .hasValue(List.of("/t/0-ADD.c", "/t/h.h"));
  }

  @Test
  void driveLettersAreNoTargetsEnd() {
    assertThat(MakeRule.prerequisites("C:\\t\\0-ADD.o: C:\\t\\0-ADD.c D:/h.h"))
        .hasValue(List.of("C:\\t\\0-ADD.c", "D:/h.h"));
  }

  @Test
  void textWithoutAColonIsNoRule() {
    assertThat(MakeRule.prerequisites("garbage\n")).isEmpty();
    assertThat(MakeRule.prerequisites("")).isEmpty();
  }
}

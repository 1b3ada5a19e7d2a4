package io.stencil4j.it;

import java.nio.file.Path;

/** Where the differential test's C files are: the template, runtime header, driver, regressions. */
final class FuzzFiles {
  private FuzzFiles() {}

  static Path resources() {
    return ItSupport.moduleDirectory().resolve("src/test/resources/fuzz");
  }
}

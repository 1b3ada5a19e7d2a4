package io.stencil4j.it;

/**
 * One program's outcome on one configuration.
 *
 * @param program the program's case name
 * @param configuration where it ran
 * @param build how its library was built: "batched" (several programs in one compiler run) or
 *     "isolated" (each program compiled alone)
 * @param outcome what became of it
 * @param detail why, for anything but a match
 */
record FuzzVerdict(String program, FuzzConfiguration configuration, String build,
    FuzzOutcome outcome, String detail) {

  @Override
  public String toString() {
    return String.format("%-11s %-36s %-8s %-13s %s", outcome.label, configuration.label(), build,
        program, detail);
  }
}

package io.stencil4j.it;

/**
 * What running one program's stencil gave: its checksum, or the outcome that stopped it.
 *
 * @param checksum the stencil's result, when {@code stopped} is null
 * @param stopped CRASH, TIMEOUT or EMIT_ERROR, or null if it returned
 * @param detail what happened, for the report
 */
record FuzzExecution(long checksum, FuzzOutcome stopped, String detail) {
  static FuzzExecution returned(long checksum) {
    return new FuzzExecution(checksum, null, "");
  }

  static FuzzExecution stopped(FuzzOutcome outcome, String detail) {
    return new FuzzExecution(0, outcome, detail);
  }

  /** Its outcome against the reference's checksum {@code expected}. */
  FuzzOutcome judge(long expected) {
    if (stopped != null) {
      return stopped;
    }
    return checksum == expected ? FuzzOutcome.MATCH : FuzzOutcome.MISMATCH;
  }
}

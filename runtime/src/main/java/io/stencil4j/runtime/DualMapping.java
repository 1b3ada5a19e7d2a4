package io.stencil4j.runtime;

/**
 * Shared memory for code mapped twice in one span of addresses: at {@link #executable()}
 * readable and executable; right after, at {@link #writableCode()}, the same bytes readable and
 * writable; then, at {@link #data()}, private memory for data, readable and writable.
 * No address is ever writable and executable at once; code is written through the alias while
 * other functions of the same pages run.
 */
record DualMapping(long executable, long codeBytes, long dataBytes) {
  long writableCode() {
    return executable + codeBytes;
  }

  long data() {
    return executable + 2 * codeBytes;
  }

  /** From the first executable byte to the last data byte: the farthest code is from data. */
  long span() {
    return 2 * codeBytes + dataBytes;
  }
}

package io.stencil4j.processor.object;

/**
 * A string table: NUL-terminated names in a range of the file, looked up by their offset in it
 * (the ELF, COFF and Mach-O symbol and section names all live in one).
 */
final class StringTable {
  private final ByteReader file;
  private final long offset;
  private final long size;
  private final long first;
  private final String name;
  private final MemoryBudget budget;

  /**
   * A table of {@code size} bytes at {@code offset} in {@code file}, which the caller has checked
   * to lie in the file.
   *
   * @param first the lowest offset that can hold a name (COFF's table starts with its size)
   * @param name what messages call the table: "the string table", "string table section 3"
   * @param budget charged for every name read
   */
  StringTable(ByteReader file, long offset, long size, long first, String name,
      MemoryBudget budget) {
    this.file = file;
    this.offset = offset;
    this.size = size;
    this.first = first;
    this.name = name;
    this.budget = budget;
  }

  /** The name at {@code at} in the table, which {@code what} names. */
  String get(long at, String what) throws MalformedObjectException {
    if (at < first || at >= size) {
      // below the first name is not past the end, but inside the table's own header
      throw new MalformedObjectException(what + (first > 0
          ? ": string table offset " + at + " is outside "
          : ": string offset " + at + " is past the end of ") + name + " (" + size + " bytes)");
    }
    int start = (int) (offset + at);
    int length = file.terminatedLength(start, (int) (offset + size));
    if (length < 0) {
      throw new MalformedObjectException(what + ": string at offset " + at
          + " is not NUL-terminated in " + name);
    }
    budget.charge(length, what);
    return file.utf8(start, length);
  }
}

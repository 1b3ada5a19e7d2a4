package io.stencil4j.processor.object;

/**
 * Bounds what a reader builds from a file to a small multiple of the file's size. Section
 * contents, relocation and symbol tables and names are all read from ranges of the file, and a
 * damaged or crafted header can make thousands of sections, tables or names share one range:
 * read naively, a 2 MB file would become gigabytes of copies. A reader charges here what it is
 * about to build, before building it.
 */
final class MemoryBudget {
  /** Contents are copied once; tables grow a few times over as objects, names once more. */
  static final int TIMES_FILE_SIZE = 8;
  /** Room for what even a tiny file builds: the model's lists and a few fixed symbols. */
  static final long BASE = 64 << 10;
  /** What one relocation or symbol costs as an object, beyond its name. */
  static final int ENTRY_COST = 64;

  private final int fileSize;
  private final long limit;
  private long used;

  MemoryBudget(int fileSize) {
    this.fileSize = fileSize;
    this.limit = BASE + (long) TIMES_FILE_SIZE * fileSize;
  }

  /** Charges {@code entries} relocations or symbols, of {@code what}. */
  void chargeEntries(long entries, String what) throws MalformedObjectException {
    charge(entries * ENTRY_COST, what);
  }

  /** Charges {@code bytes} (at most the file's size) for {@code what}. */
  void charge(long bytes, String what) throws MalformedObjectException {
    used += bytes;
    if (used > limit) {
      throw new MalformedObjectException(what + ": the file's sections, tables and names would "
          + "take more than " + limit + " bytes of memory to read (" + TIMES_FILE_SIZE
          + " times its " + fileSize + " bytes, plus " + (BASE >> 10) + " KiB): they share or "
          + "overlap ranges of the file");
    }
  }
}

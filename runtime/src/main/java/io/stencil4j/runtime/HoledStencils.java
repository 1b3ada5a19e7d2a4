package io.stencil4j.runtime;

import java.util.Arrays;

/**
 * The stencils of a staged function that have holes left for finish, grouped by library stencil,
 * each group in staging order, so that finish finds each stencil's symbols once and patches one
 * hole of one stencil at every place it is staged. Grouping costs time in the number of stencils
 * staged, not in the library's size: a library may have thousands of stencils and a function
 * use a handful. Kept by an assembler from one function to the next.
 */
final class HoledStencils {
  /** Per library stencil and one more: a counting sort's buckets, for functions this large. */
  private final int[] buckets;
  /** Staged stencil numbers, grouped. */
  int[] grouped = new int[64];
  /** Where each group starts in {@link #grouped}, then where the last one ends. */
  int[] starts = new int[65];
  int groupCount;
  /** Library stencil number and staging position packed in one long each, for sorting. */
  private long[] keys = new long[64];

  HoledStencils(PreparedLibrary library) {
    this.buckets = new int[library.size() + 1];
  }

  /**
   * Groups {@code staged}'s stencils with holes left, laid out; forgets the groups of the last
   * call.
   */
  void group(StagedFunction staged) {
    int count = staged.withHolesCount;
    if (grouped.length < count) {
      grouped = new int[staged.withHoles.length];
      starts = new int[staged.withHoles.length + 1];
    }
    if (buckets.length <= 2 * count) {
      countingSort(staged, count);
    } else {
      sort(staged, count);
    }
  }

  /** The stencil staged at position {@code grouped[starts[g]]}, first of group {@code g}. */
  PreparedStencil stencil(StagedFunction staged, int g) {
    return staged.stencil(grouped[starts[g]]);
  }

  private void countingSort(StagedFunction staged, int count) {
    Arrays.fill(buckets, 0);
    for (int k = 0; k < count; k++) {
      buckets[staged.indices[staged.withHoles[k]] + 1]++;
    }
    for (int t = 1; t < buckets.length; t++) {
      buckets[t] += buckets[t - 1];
    }
    groupCount = 0;
    for (int t = 0; t + 1 < buckets.length; t++) {
      if (buckets[t] < buckets[t + 1]) {
        starts[groupCount++] = buckets[t];
      }
    }
    starts[groupCount] = count;
    for (int k = 0; k < count; k++) {
      int i = staged.withHoles[k];
      grouped[buckets[staged.indices[i]]++] = i;
    }
  }

  private void sort(StagedFunction staged, int count) {
    if (keys.length < count) {
      keys = new long[staged.withHoles.length];
    }
    for (int k = 0; k < count; k++) {
      keys[k] = (long) staged.indices[staged.withHoles[k]] << 32 | k;
    }
    Arrays.sort(keys, 0, count);
    groupCount = 0;
    for (int k = 0; k < count; k++) {
      grouped[k] = staged.withHoles[(int) keys[k]];
      if (k == 0 || keys[k] >>> 32 != keys[k - 1] >>> 32) {
        starts[groupCount++] = k;
      }
    }
    starts[groupCount] = count;
  }
}

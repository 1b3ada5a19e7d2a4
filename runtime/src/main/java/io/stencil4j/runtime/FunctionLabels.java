package io.stencil4j.runtime;

import io.stencil4j.Label;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The labels bound in a finished function and their code offsets, read-only: what the
 * assembler's {@link BoundLabels} held at finish, copied into two arrays just long enough, so
 * that the assembler keeps its table for the next function. They are indexed by identity on
 * the first lookup: most functions are only ever entered at their start.
 */
final class FunctionLabels extends AbstractMap<Label, Integer> {
  private final Label[] labels;
  private final int[] offsets;
  /** Built on the first lookup, by any thread; two threads racing build two equal ones. */
  private volatile BoundLabels index;

  FunctionLabels(Label[] labels, int[] offsets) {
    this.labels = labels;
    this.offsets = offsets;
  }

  @Override
  public Integer get(Object key) {
    if (!(key instanceof Label label)) {
      return null;
    }
    BoundLabels table = index;
    if (table == null) {
      table = new BoundLabels(labels.length);
      for (int i = 0; i < labels.length; i++) {
        table.bind(labels[i], offsets[i]);
      }
      index = table;
    }
    int offset = table.offset(label);
    return offset < 0 ? null : offset;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public Set<Entry<Label, Integer>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<Label, Integer>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < labels.length;
          }

          @Override
          public Entry<Label, Integer> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Entry<Label, Integer> entry = new SimpleImmutableEntry<>(labels[next], offsets[next]);
            next++;
            return entry;
          }
        };
      }

      @Override
      public int size() {
        return labels.length;
      }
    };
  }
}

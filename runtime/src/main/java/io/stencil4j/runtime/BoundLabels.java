package io.stencil4j.runtime;

import io.stencil4j.Label;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The labels bound in one function and their code offsets, by identity: an open-addressing table
 * of a label array and an int array, so that binding a label or finding one boxes nothing and,
 * once grown, allocates nothing (a function may bind thousands). The function finished keeps it
 * as its read-only map of labels.
 */
final class BoundLabels extends AbstractMap<Label, Integer> {
  /** At most half full, so that a search ends after a probe or two. */
  private Label[] keys;
  private int[] offsets;
  private int size;

  BoundLabels(int expected) {
    int capacity = 16;
    while (capacity < 2 * expected) {
      capacity *= 2;
    }
    keys = new Label[capacity];
    offsets = new int[capacity];
  }

  /** Binds {@code label} to {@code offset}; or, if it is bound already, returns that offset. */
  int bind(Label label, int offset) {
    int slot = slotOf(label);
    if (keys[slot] != null) {
      return offsets[slot];
    }
    keys[slot] = label;
    offsets[slot] = offset;
    if (++size * 2 > keys.length) {
      grow();
    }
    return -1;
  }

  /** The code offset {@code label} is bound to, or -1. */
  int offset(Label label) {
    int slot = slotOf(label);
    return keys[slot] == null ? -1 : offsets[slot];
  }

  /** Forgets every label, keeping the table's size. */
  void forgetAll() {
    if (size > 0) {
      Arrays.fill(keys, null);
      size = 0;
    }
  }

  @Override
  public Integer get(Object key) {
    if (!(key instanceof Label label)) {
      return null;
    }
    int offset = offset(label);
    return offset < 0 ? null : offset;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Entry<Label, Integer>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<Label, Integer>> iterator() {
        return new Iterator<>() {
          private int next = advance(0);

          @Override
          public boolean hasNext() {
            return next < keys.length;
          }

          @Override
          public Entry<Label, Integer> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Entry<Label, Integer> entry = new SimpleImmutableEntry<>(keys[next], offsets[next]);
            next = advance(next + 1);
            return entry;
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** The first used slot from {@code slot} on, or the table's length. */
  private int advance(int slot) {
    while (slot < keys.length && keys[slot] == null) {
      slot++;
    }
    return slot;
  }

  /** The slot of {@code label}, or the empty slot where it would go. */
  private int slotOf(Label label) {
    int mask = keys.length - 1;
    int hash = System.identityHashCode(label);
    int slot = (hash ^ hash >>> 16) & mask;
    while (keys[slot] != null && keys[slot] != label) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    Label[] oldKeys = keys;
    int[] oldOffsets = offsets;
    keys = new Label[oldKeys.length * 2];
    offsets = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = slotOf(oldKeys[i]);
        keys[slot] = oldKeys[i];
        offsets[slot] = oldOffsets[i];
      }
    }
  }
}

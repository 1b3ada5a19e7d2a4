package io.stencil4j.runtime;

import io.stencil4j.Label;
import java.util.Arrays;

/**
 * The labels bound in one function and their code offsets, by identity: an open-addressing table
 * of a label array and an int array, so that binding a label or finding one boxes nothing and,
 * once grown, allocates nothing (a function may bind thousands). The assembler keeps it from one
 * function to the next; a finished function gets a copy ({@link #freeze}) of the labels in the
 * order they were bound, which are kept in two arrays of their own, so that copying them is two
 * array copies rather than a walk of the table.
 */
final class BoundLabels {
  /** At most half full, so that a search ends after a probe or two. */
  private Label[] keys;
  private int[] offsets;
  private int size;
  /** The labels bound and their offsets, in the order bound. */
  private Label[] bound = new Label[16];
  private int[] boundOffsets = new int[16];

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
    if (size == bound.length) {
      bound = Arrays.copyOf(bound, size * 2);
      boundOffsets = Arrays.copyOf(boundOffsets, size * 2);
    }
    bound[size] = label;
    boundOffsets[size] = offset;
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
      Arrays.fill(bound, 0, size, null);
      size = 0;
    }
  }

  /** {@return the labels bound now and their offsets, copied for a finished function} */
  FunctionLabels freeze() {
    return new FunctionLabels(Arrays.copyOf(bound, size), Arrays.copyOf(boundOffsets, size));
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

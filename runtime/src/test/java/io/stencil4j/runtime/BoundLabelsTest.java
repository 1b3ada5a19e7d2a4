package io.stencil4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.stencil4j.Label;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundLabelsTest {
  @Test
  void findsEveryLabelBoundAsTheTableGrows() {
    BoundLabels labels = new BoundLabels(0);
    // labels are equal by identity only
    Map<Label, Integer> expected = new HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      Label label = new Label("l" + i);
      assertEquals(-1, labels.bind(label, 3 * i));
      expected.put(label, 3 * i);
    }
    for (Map.Entry<Label, Integer> entry : expected.entrySet()) {
      assertEquals(entry.getValue(), labels.offset(entry.getKey()), entry.getKey().name());
    }
    assertEquals(expected, new HashMap<>(labels));
    assertEquals(-1, labels.offset(new Label("l0")), "a label is found by identity, not name");
  }

  @Test
  void aLabelBoundAgainKeepsItsFirstOffset() {
    BoundLabels labels = new BoundLabels(4);
    Label label = new Label("twice");
    labels.bind(label, 8);
    assertEquals(8, labels.bind(label, 12));
    assertEquals(8, labels.get(label));
    assertEquals(1, labels.size());
  }

  @Test
  void forgettingEveryLabelEmptiesTheMap() {
    BoundLabels labels = new BoundLabels(4);
    Label label = new Label("gone");
    labels.bind(label, 1);
    labels.forgetAll();
    assertEquals(0, labels.size());
    assertNull(labels.get(label));
    assertFalse(labels.containsKey(label));
    assertEquals(-1, labels.bind(label, 2));
    assertEquals(2, labels.offset(label));
  }
}

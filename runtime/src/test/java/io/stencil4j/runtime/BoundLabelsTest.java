package io.stencil4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stencil4j.Label;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    assertEquals(-1, labels.offset(new Label("l0")), "a label is found by identity, not name");
    FunctionLabels frozen = labels.freeze();
    assertEquals(expected, new HashMap<>(frozen));
    for (Map.Entry<Label, Integer> entry : expected.entrySet()) {
      assertEquals(entry.getValue(), frozen.get(entry.getKey()), entry.getKey().name());
    }
    assertNull(frozen.get(new Label("l0")));
    assertNull(frozen.get("l0"));
  }

  @Test
  void aFrozenCopyOutlivesTheTablesNextFunction() {
    BoundLabels labels = new BoundLabels(4);
    Label first = new Label("first");
    labels.bind(first, 4);
    FunctionLabels frozen = labels.freeze();
    labels.forgetAll();
    Label second = new Label("second");
    labels.bind(second, 8);
    assertEquals(Map.of(first, 4), frozen);
    assertFalse(frozen.containsKey(second));
    assertThrows(UnsupportedOperationException.class, () -> frozen.put(second, 8));
  }

  @Test
  void aFrozenCopyListsTheLabelsInTheOrderBound() {
    BoundLabels labels = new BoundLabels(0);
    List<Label> order = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Label label = new Label("l" + i);
      labels.bind(label, 100 - i);
      order.add(label);
    }
    assertEquals(order, new ArrayList<>(labels.freeze().keySet()));
  }

  @Test
  void aLabelBoundAgainKeepsItsFirstOffset() {
    BoundLabels labels = new BoundLabels(4);
    Label label = new Label("twice");
    labels.bind(label, 8);
    assertEquals(8, labels.bind(label, 12));
    assertEquals(8, labels.offset(label));
    assertEquals(Map.of(label, 8), labels.freeze());
  }

  @Test
  void forgettingEveryLabelEmptiesTheMap() {
    BoundLabels labels = new BoundLabels(4);
    Label label = new Label("gone");
    labels.bind(label, 1);
    labels.forgetAll();
    assertEquals(Map.of(), labels.freeze());
    assertEquals(-1, labels.offset(label));
    assertEquals(-1, labels.bind(label, 2));
    assertEquals(2, labels.offset(label));
  }
}

package io.stencil4j.processor.assembly;

import java.util.regex.Pattern;

/**
 * The compiler that wrote the assembly: each names its basic blocks its own way, and those are
 * the only labels the optimizer removes or points branches at.
 */
public enum Producer {
  /** clang: {@code .LBB3_2}. */
  CLANG("\\.?LBB\\d+_\\d+"),
  /** gcc: {@code .L4}; its other local labels have letters after the L ({@code .LC0}). */
  GCC("\\.L\\d+");

  private final Pattern block;

  Producer(String block) {
    this.block = Pattern.compile(block);
  }

  /** Whether {@code label} names a basic block. */
  boolean isBlock(String label) {
    return block.matcher(label).matches();
  }
}

package io.stencil4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.stencil4j.Label;
import io.stencil4j.StencilSink;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated emitter appends each method's stencil and fills its holes by parameter name. */
class EmitterTest {

  /** The interface demo.Calc and its entry class, compiled with the processor. */
  private record Built(Class<?> calc, Class<?> entry) {
    static Built of(StencilFixture fixture) throws Exception {
      Compilation compilation = fixture.compile();
      assertThat(compilation).succeeded();
      GeneratedClasses classes = new GeneratedClasses(compilation, "demo");
      return new Built(classes.loadClass("demo.Calc"), classes.loadClass("demo.CalcStencils"));
    }
  }

  /**
   * Records what the emitter asks of it. It implements only the append without an index, as
   * sinks written before the indexed one did: the generated code still reaches it.
   */
  static class RecordingSink implements StencilSink {
    final List<String> calls = new ArrayList<>();

    @Override
    public Triple triple() {
      return Triple.X86_64_UNKNOWN_LINUX_GNU;
    }

    @Override
    public void append(StencilGroup stencil) {
      calls.add("append " + stencil.name() + " " + stencil.parameters());
    }

    @Override
    public void fill(int index, long value) {
      calls.add("fill " + index + " " + value);
    }

    @Override
    public void fill(int index, Label label) {
      calls.add("fill " + index + " " + label.name());
    }
  }

  /** Records the index each stencil is appended with too. */
  static final class IndexRecordingSink extends RecordingSink {
    @Override
    public void append(StencilGroup stencil, int index) {
      calls.add("append #" + index);
      super.append(stencil, index);
    }
  }

  @Test
  void methodsAppendTheirStencilAndFillParametersByName(@TempDir Path root) throws Exception {
    StencilFixture fixture = new StencilFixture(root)
        .file("calc_cases.c", StencilFixture.CASES + """
            case BRANCH: {
                if (acc < (int64_t)(intptr_t)_JIT_LIMIT) {
                    __attribute__((musttail)) return ((jump_fn *)_JIT_TARGET)(acc + (int64_t)(intptr_t)_JIT_VALUE);
                }
                break;
            }
            """)
        .file("calc.c", "#include <stdint.h>\ntypedef int64_t __attribute__((preserve_none)) "
            + "jump_fn(int64_t);\nextern char _JIT_LIMIT[];\nextern char _JIT_TARGET[];\n"
            + StencilFixture.TEMPLATE)
        .edit("void negate();", """
            Calc negate();

              @io.stencil4j.Case("BRANCH")
              void branchBelow(io.stencil4j.Label target, int limit, long value);""");
    Built built = Built.of(fixture);
    Class<?> calc = built.calc();
    Class<?> entry = built.entry();
    RecordingSink sink = new RecordingSink();
    Object emitter = entry.getMethod("emitter", StencilSink.class).invoke(null, sink);

    calc.getMethod("add", long.class).invoke(emitter, 42L);
    Method negate = calc.getMethod("negate");
    assertThat(negate.invoke(emitter)).isSameInstanceAs(emitter);
    calc.getMethod("branchBelow", Label.class, int.class, long.class)
        .invoke(emitter, new Label("loop"), -7, 1L << 40);

    assertThat(sink.calls).containsExactly(
        "append ADD [VALUE]", "fill 0 42",
        "append NEGATE []",
        "append BRANCH [LIMIT, TARGET, VALUE]", "fill 1 loop", "fill 0 -7", "fill 2 1099511627776")
        .inOrder();
    StencilLibrary host = (StencilLibrary) entry.getMethod("forHost").invoke(null);
    assertThat(host.triple()).isEqualTo(Triple.X86_64_UNKNOWN_LINUX_GNU);

    // the index each stencil is appended with is its position in the library
    IndexRecordingSink indexed = new IndexRecordingSink();
    Object indexedEmitter = entry.getMethod("emitter", StencilSink.class).invoke(null, indexed);
    calc.getMethod("add", long.class).invoke(indexedEmitter, 42L);
    negate.invoke(indexedEmitter);
    List<String> names = host.stencils().stream().map(StencilGroup::name).toList();
    assertThat(indexed.calls).containsExactly(
        "append #" + names.indexOf("ADD"), "append ADD [VALUE]", "fill 0 42",
        "append #" + names.indexOf("NEGATE"), "append NEGATE []").inOrder();
  }

  /**
   * A variant case found by a casePattern with the group variant: its case text names it as
   * {@code ADD(SLOT = 0..2)}, which each compile's function-like macro ADD turns into the
   * stencil's name; the emitter selects the stencil by value and fills only the holes it has.
   */
  @Test
  void variantMethodsSelectTheirStencilByValue(@TempDir Path root) throws Exception {
    StencilFixture fixture = new StencilFixture(root)
        .file("calc.c", "#define OPCODE(name) case name:\n" + StencilFixture.TEMPLATE)
        .file("calc_cases.c", """
            OPCODE(ADD(SLOT = 0..2)) {
                if (SLOT > 0) {
                    acc += (int64_t)(intptr_t)_JIT_VALUE * SLOT;
                }
                break;
            }
            OPCODE(NEGATE) {
                acc = -acc;
                break;
            }
            """)
        .source("""
            package demo;

            import io.stencil4j.Stencil;
            import io.stencil4j.Variant;

            @Stencil(template = "calc.c", cases = "calc_cases.c", casePattern =
                "(?m)^(?<case>OPCODE\\\\((?<name>\\\\w+)(?:\\\\((?<variant>[^)]*)\\\\))?\\\\) \\\\{$[\\\\s\\\\S]*?^\\\\})")
            public interface Calc {
              void add(@Variant int slot, long value);

              void negate();
            }
            """);
    Built built = Built.of(fixture);
    Class<?> calc = built.calc();
    Class<?> entry = built.entry();
    RecordingSink sink = new RecordingSink();
    Object emitter = entry.getMethod("emitter", StencilSink.class).invoke(null, sink);
    Method add = calc.getMethod("add", int.class, long.class);

    add.invoke(emitter, 0, 5L);
    add.invoke(emitter, 2, 7L);
    calc.getMethod("negate").invoke(emitter);
    InvocationTargetException thrown =
        assertThrows(InvocationTargetException.class, () -> add.invoke(emitter, 3, 1L));

    assertThat(sink.calls).containsExactly(
        "append ADD_0 []", "append ADD_2 [VALUE]", "fill 0 7", "append NEGATE []").inOrder();
    assertThat(thrown).hasCauseThat().isInstanceOf(IllegalArgumentException.class);
    assertThat(thrown).hasCauseThat().hasMessageThat()
        .isEqualTo("add: slot = 3 is not a variant of case ADD(SLOT = 0..2)");
    assertThat(entry.getField("ADD_VARIANTS").get(null).toString())
        .isEqualTo("[ADD_0, ADD_1, ADD_2]");
  }
}

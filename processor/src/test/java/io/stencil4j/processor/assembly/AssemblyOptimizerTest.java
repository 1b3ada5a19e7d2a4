package io.stencil4j.processor.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stencil4j.model.Triple;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rewrites on clang's own output (trimmed to the function) for each dialect, and what each
 * must leave alone. That the rewritten stencils still compute what the C does is shown by
 * executing them: the execution matrix and the Csmith differential test compile through it.
 */
class AssemblyOptimizerTest {

  private static String optimized(Triple triple, String assembly) {
    return AssemblyOptimizer.optimize(assembly, triple, Producer.CLANG).orElseThrow();
  }

  @Test
  void aConditionalExitOnX86LinuxJumpsStraightToItsTarget() {
    String clang = """
        _JIT_ENTRY_JUMP_IF_FALSE:               # @_JIT_ENTRY_JUMP_IF_FALSE
        # %bb.0:
        \tmovq\t%r12, %rax
        \taddq\t$-8, %r12
        \tcmpq\t$0, -8(%rax)
        \tje\t.LBB8_1
        # %bb.2:
        \tjmpq\t*_JIT_CONTINUE@GOTPCREL(%rip)   # TAILCALL
        .LBB8_1:
        \tjmpq\t*_JIT_TARGET@GOTPCREL(%rip)     # TAILCALL
        .Lfunc_end8:
        \t.size\t_JIT_ENTRY_JUMP_IF_FALSE, .Lfunc_end8-_JIT_ENTRY_JUMP_IF_FALSE""";
    assertEquals("""
        _JIT_ENTRY_JUMP_IF_FALSE:               # @_JIT_ENTRY_JUMP_IF_FALSE
        # %bb.0:
        \tmovq\t%r12, %rax
        \taddq\t$-8, %r12
        \tcmpq\t$0, -8(%rax)
        \tje\t_JIT_TARGET
        # %bb.2:
        \tjmp\t_JIT_CONTINUE
        .Lfunc_end8:
        \t.size\t_JIT_ENTRY_JUMP_IF_FALSE, .Lfunc_end8-_JIT_ENTRY_JUMP_IF_FALSE""",
        optimized(Triple.X86_64_UNKNOWN_LINUX_GNU, clang));
  }

  @Test
  void gccsConditionalExitJumpsStraightToItsTarget() {
    // gcc -mcmodel=large loads each hole's address as an immediate and jumps through it
    String gcc = """
        _JIT_ENTRY_JUMP_IF_FALSE:
        	leaq	-8(%rdi), %rax
        	cmpq	$0, -8(%rdi)
        	movq	%rax, %rdi
        	je	.L4
        	movabsq	$_JIT_CONTINUE, %rax
        	jmp	*%rax
        	.p2align 4,,10
        	.p2align 3
        .L4:
        	movabsq	$_JIT_TARGET, %rax
        	jmp	*%rax
        .LFE0:
        	.size	_JIT_ENTRY_JUMP_IF_FALSE, .-_JIT_ENTRY_JUMP_IF_FALSE""";
    assertEquals("""
        _JIT_ENTRY_JUMP_IF_FALSE:
        	leaq	-8(%rdi), %rax
        	cmpq	$0, -8(%rdi)
        	movq	%rax, %rdi
        	je	_JIT_TARGET
        	jmp	_JIT_CONTINUE
        .LFE0:
        	.size	_JIT_ENTRY_JUMP_IF_FALSE, .-_JIT_ENTRY_JUMP_IF_FALSE""",
        AssemblyOptimizer.optimize(gcc, Triple.X86_64_UNKNOWN_LINUX_GNU, Producer.GCC)
            .orElseThrow());
  }

  @Test
  void gccsOtherLocalLabelsAreNotBlocks() {
    // .LC0 is a constant and .LFE0 the function's end: neither is a block to thread into
    assertTrue(Producer.GCC.isBlock(".L12"));
    assertFalse(Producer.GCC.isBlock(".LC0"));
    assertFalse(Producer.GCC.isBlock(".LFE0"));
    assertFalse(Producer.CLANG.isBlock(".L12"));
  }

  @Test
  void aJumpThroughARegisterLoadedFromTheGotBecomesDirect() {
    // seven or more preserve_none arguments: clang loads the GOT entry, then jumps through it
    String clang = """
        _JIT_ENTRY_JUMP_IF_FALSE_1:             # @_JIT_ENTRY_JUMP_IF_FALSE_1
        	testq	%rdi, %rdi
        	je	.LBB8_2
        # %bb.1:
        	movq	_JIT_CONTINUE@GOTPCREL(%rip), %rax
        	jmpq	*%rax                           # TAILCALL
        .LBB8_2:
        	movq	_JIT_TARGET@GOTPCREL(%rip), %rax
        	xorl	%edi, %edi
        	jmpq	*%rax                           # TAILCALL""";
    assertEquals("""
        _JIT_ENTRY_JUMP_IF_FALSE_1:             # @_JIT_ENTRY_JUMP_IF_FALSE_1
        	testq	%rdi, %rdi
        	je	.LBB8_2
        # %bb.1:
        	jmp	_JIT_CONTINUE
        .LBB8_2:
        	xorl	%edi, %edi
        	jmp	_JIT_TARGET""", optimized(Triple.X86_64_UNKNOWN_LINUX_GNU, clang));
  }

  @Test
  void aGotLoadWhoseRegisterIsUsedBeforeTheJumpStays() {
    // the address is also a value here (in %eax, and read by cqto): the load must stay
    String named = """
        f:
        	movq	_JIT_CONTINUE@GOTPCREL(%rip), %rax
        	movl	%eax, (%rdi)
        	jmpq	*%rax""";
    assertEquals(named, optimized(Triple.X86_64_UNKNOWN_LINUX_GNU, named));
    String unnamed = """
        f:
        	movq	_JIT_CONTINUE@GOTPCREL(%rip), %rax
        	cqto
        	jmpq	*%rax""";
    assertEquals(unnamed, optimized(Triple.X86_64_UNKNOWN_LINUX_GNU, unnamed));
    String otherBlock = """
        f:
        	movq	_JIT_CONTINUE@GOTPCREL(%rip), %rax
        .LBB0_1:
        	jmpq	*%rax""";
    assertEquals(otherBlock, optimized(Triple.X86_64_UNKNOWN_LINUX_GNU, otherBlock));
  }

  @Test
  void aConditionalBranchToTheNextStencilIsInvertedSoTheJumpToItComesLast() {
    String clang = """
        _JIT_ENTRY_JUMP_IF_FALSE:               # @_JIT_ENTRY_JUMP_IF_FALSE
        \tcmpq\t$0, -8(%rax)
        \tjne\t_JIT_CONTINUE                   # TAILCALL
        # %bb.1:
        \tjmp\t_JIT_TARGET                     # TAILCALL""";
    assertEquals("""
        _JIT_ENTRY_JUMP_IF_FALSE:               # @_JIT_ENTRY_JUMP_IF_FALSE
        \tcmpq\t$0, -8(%rax)
        \tje\t_JIT_TARGET
        # %bb.1:
        \tjmp\t_JIT_CONTINUE""", optimized(Triple.X86_64_PC_WINDOWS_MSVC, clang));
  }

  @Test
  void anAarch64BranchToABlockThatJumpsToAHoleIsThreaded() {
    String clang = """
        _JIT_ENTRY_JUMP_IF_FALSE:               // @_JIT_ENTRY_JUMP_IF_FALSE
        \tldr\tx8, [x20, #-8]!
        \tcbz\tx8, .LBB8_2
        // %bb.1:
        \tb\t_JIT_CONTINUE
        .LBB8_2:
        \tb\t_JIT_TARGET
        .Lfunc_end8:""";
    assertEquals("""
        _JIT_ENTRY_JUMP_IF_FALSE:               // @_JIT_ENTRY_JUMP_IF_FALSE
        \tldr\tx8, [x20, #-8]!
        \tcbz\tx8, _JIT_TARGET
        // %bb.1:
        \tb\t_JIT_CONTINUE
        .Lfunc_end8:""", optimized(Triple.AARCH64_UNKNOWN_LINUX_GNU, clang));
  }

  @Test
  void machOHasNoRelocationForAConditionalAarch64BranchToASymbol() {
    String clang = """
        __JIT_ENTRY_JUMP_IF_FALSE:              ; @_JIT_ENTRY_JUMP_IF_FALSE
        \tldr\tx8, [x20, #-8]!
        \tcbz\tx8, LBB8_2
        ; %bb.1:
        \tb\t__JIT_CONTINUE
        LBB8_2:
        \tb\t__JIT_TARGET""";
    assertEquals(clang, optimized(Triple.AARCH64_APPLE_DARWIN, clang));
  }

  @Test
  void aTestBitBranchIsNeverPointedAtASymbol() {
    String clang = """
        _JIT_ENTRY_X:
        \ttbz\tw8, #3, .LBB0_2
        \tb\t_JIT_CONTINUE
        .LBB0_2:
        \tb\t_JIT_TARGET""";
    assertEquals(clang, optimized(Triple.AARCH64_UNKNOWN_LINUX_GNU, clang));
  }

  @Test
  void aBranchToAnExternalFunctionStaysBehindItsJump() {
    // abort may be out of a branch's reach: only the jump can go through a trampoline
    String clang = """
        _JIT_ENTRY_X:
        \tcbz\tx8, .LBB0_2
        \tb\t_JIT_CONTINUE
        .LBB0_2:
        \tb\tabort""";
    assertEquals(clang, optimized(Triple.AARCH64_UNKNOWN_LINUX_GNU, clang));
  }

  @Test
  void callsThroughTheGotStayCalls() {
    String clang = """
        _JIT_ENTRY_CALL_HOST:
        \tcallq\t*stackvm_host_square@GOTPCREL(%rip)
        \tcallq\t*_JIT_HELPER@GOTPCREL(%rip)
        \tjmpq\t*_JIT_CONTINUE@GOTPCREL(%rip)   # TAILCALL""";
    assertEquals("""
        _JIT_ENTRY_CALL_HOST:
        \tcallq\t*stackvm_host_square@GOTPCREL(%rip)
        \tcallq\t*_JIT_HELPER@GOTPCREL(%rip)
        \tjmp\t_JIT_CONTINUE""", optimized(Triple.X86_64_UNKNOWN_LINUX_GNU, clang));
  }

  @Test
  void aBlockThatIsStillReachedStays() {
    String clang = """
        _JIT_ENTRY_X:
        \tje\t.LBB0_1
        \tjl\t.LBB0_3
        \tjmp\t_JIT_CONTINUE
        .LBB0_1:
        \tjmp\t_JIT_TARGET
        .LBB0_3:
        \tmovq\t$1, %rax
        \tretq""";
    assertEquals("""
        _JIT_ENTRY_X:
        \tje\t_JIT_TARGET
        \tjl\t.LBB0_3
        \tjmp\t_JIT_CONTINUE
        .LBB0_3:
        \tmovq\t$1, %rax
        \tretq""", optimized(Triple.X86_64_PC_WINDOWS_MSVC, clang));
  }

  @Test
  void aBlockThatIsFallenIntoStaysThoughNoBranchNamesIt() {
    String clang = """
        _JIT_ENTRY_X:
        \taddq\t$1, %rax
        .LBB0_1:
        \tmovq\t%rax, (%rdi)
        \tjmp\t_JIT_CONTINUE""";
    assertEquals(clang, optimized(Triple.X86_64_PC_WINDOWS_MSVC, clang));
  }

  @Test
  void aJumpToTheNextInstructionGoes() {
    String clang = """
        _JIT_ENTRY_X:
        \tjmp\t.LBB0_1
        # %bb.0:
        .LBB0_1:
        \tretq""";
    assertEquals("""
        _JIT_ENTRY_X:
        # %bb.0:
        .LBB0_1:
        \tretq""", optimized(Triple.X86_64_PC_WINDOWS_MSVC, clang));
  }

  @Test
  void aBlockNamedInDataStays() {
    String clang = """
        _JIT_ENTRY_X:
        \tjmp\t_JIT_CONTINUE
        .LBB0_1:
        \tretq
        \t.section\t.rodata
        \t.quad\t.LBB0_1""";
    assertEquals(clang, optimized(Triple.X86_64_UNKNOWN_LINUX_GNU, clang));
  }

  @Test
  void aUnitWithInlineAssemblyIsLeftAsItIs() {
    String[] markers = {"#APP", "## InlineAsm Start", "//APP", "; InlineAsm Start"};
    for (String marker : markers) {
      assertEquals(Optional.empty(), AssemblyOptimizer.optimize(
          "_JIT_ENTRY:\n\t" + marker + "\n\tnop\n\tjmp\t.LBB0_1\n.LBB0_1:\n\tretq\n",
          Triple.X86_64_UNKNOWN_LINUX_GNU, Producer.CLANG));
    }
  }
}

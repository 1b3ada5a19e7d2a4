package io.stencil4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stencil4j.model.Triple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disassembler's failures, with fake tools; JitAssemblerTest runs the real one. */
class DisassemblerTest {
  private static final byte[] RET = {(byte) 0xc3};

  @TempDir
  Path directory;

  @Test
  void aToolThatHangsIsStopped() throws IOException {
    String tool = script("sleep 60");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> withTool(tool, 1));
    assertEquals(tool + " took longer than 1 seconds to disassemble 1 bytes; stopped",
        e.getMessage());
  }

  @Test
  void aToolThatFailsIsReportedWithItsOutput() throws IOException {
    String tool = script("echo 'invalid instruction encoding'; exit 3");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> withTool(tool, 30));
    assertEquals(tool + " failed (exit 3) to disassemble 1 bytes for x86_64-unknown-linux-gnu:\n"
        + "invalid instruction encoding\n", e.getMessage());
  }

  private String script(String body) throws IOException {
    Path tool = directory.resolve("llvm-mc");
    Files.writeString(tool, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
    return tool.toString();
  }

  private static String withTool(String tool, long timeoutSeconds) {
    try {
      System.setProperty(Disassembler.PROPERTY, tool);
      return Disassembler.disassemble(RET, Triple.X86_64_UNKNOWN_LINUX_GNU, timeoutSeconds);
    } finally {
      System.clearProperty(Disassembler.PROPERTY);
    }
  }
}

package io.stencil4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A library survives encoding, in the form generated classes hold, and old forms are read. */
class StencilLibraryCodecTest {
  private static final StencilGroup ADD = new StencilGroup("ADD", new byte[] {1, 2, 3, 4, 5, 6},
      new byte[16], List.of(Hole.parameter(2, HoleKind.ABS_32, "VALUE", -3)),
      List.of(Hole.symbol(0, HoleKind.ABS_64, "helper", 8)), true);
  private static final StencilGroup RET = new StencilGroup("RET", new byte[] {(byte) 0xc3},
      new byte[0], List.of(), List.of());
  private static final StencilLibrary LIBRARY =
      new StencilLibrary(Triple.X86_64_UNKNOWN_LINUX_GNU, List.of(ADD, RET));

  @Test
  void decodesWhatItEncodesWhetherEachStencilFallsThroughToo() {
    StencilLibrary decoded = StencilLibraryCodec.decode(StencilLibraryCodec.encode(LIBRARY));
    assertEquals(LIBRARY, decoded);
    assertTrue(decoded.stencil("ADD").fallsThrough());
    assertFalse(decoded.stencil("RET").fallsThrough());
    // as generated classes hold it: one char per byte, in chunks
    String latin1 = new String(StencilLibraryCodec.encode(LIBRARY), StandardCharsets.ISO_8859_1);
    assertEquals(LIBRARY, StencilLibraryCodec.decode(latin1.substring(0, 7),
        latin1.substring(7)));
  }

  @Test
  void decodesTheFunctionsOfTheHelpersInTheirOrder() {
    StencilGroup helpers = new StencilGroup("HELPERS", new byte[] {(byte) 0xc3, (byte) 0xc3},
        new byte[8], List.of(), List.of(Hole.symbol(0, HoleKind.ABS_64, "memcpy", 0)),
        new LinkedHashMap<>(Map.of("square", 1)));
    StencilLibrary library =
        new StencilLibrary(Triple.AARCH64_APPLE_DARWIN, List.of(RET, helpers));
    StencilLibrary decoded = StencilLibraryCodec.decode(StencilLibraryCodec.encode(library));
    assertEquals(library, decoded);
    assertEquals(Map.of("square", 1), decoded.stencil("HELPERS").functions());
    assertEquals(Map.of(), decoded.stencil("RET").functions());
    assertEquals("HELPERS[code 2 B, data 8 B, holes [] / [" + helpers.dataHoles().get(0)
        + "], functions {square=1}]", helpers.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new StencilGroup("HELPERS", new byte[1], new byte[0], List.of(), List.of(),
            Map.of("square", 1)));
    assertEquals("HELPERS: function square at code offset 1 is outside its 1 bytes of code",
        e.getMessage());
  }

  @Test
  void fallingThroughMakesAnotherStencil() {
    StencilGroup same = new StencilGroup("RET", new byte[] {(byte) 0xc3}, new byte[0], List.of(),
        List.of(), true);
    assertNotEquals(RET, same);
    assertEquals("RET[code 1 B, data 0 B, holes [] / [], falls through]", same.toString());
  }

  @Test
  void readsVersion1WhoseStencilsDoNotFallThrough() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(0x53344a4c);
      out.writeByte(1);
      out.writeUTF("x86_64-unknown-linux-gnu");
      out.writeInt(1);
      out.writeUTF("RET");
      out.writeInt(1);
      out.write(0xc3);
      out.writeInt(0);
      out.writeInt(0);
      out.writeInt(0);
    }
    StencilLibrary decoded = StencilLibraryCodec.decode(bytes.toByteArray());
    assertEquals(new StencilLibrary(Triple.X86_64_UNKNOWN_LINUX_GNU, List.of(RET)), decoded);
    byte[] version4 = bytes.toByteArray();
    version4[4] = 4;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StencilLibraryCodec.decode(version4));
    assertEquals("not an encoded stencil library of version 1 to 3", e.getMessage());
  }
}

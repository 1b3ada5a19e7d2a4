package io.stencil4j.processor.cache;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import io.stencil4j.model.Hole;
import io.stencil4j.model.HoleKind;
import io.stencil4j.model.HoleValue;
import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cache entries and snapshots damaged at random, their checksums made right again so the damage
 * reaches the decoders: each is read as it was written, or is rejected with the one exception
 * that says why (for the cache, a warning); never another exception, never a stencil with a hole
 * outside its bytes, never an allocation larger than the file (a length of 2 GB in it).
 */
class DamagedEntryFuzzTest {
  private static final Triple TRIPLE = Triple.X86_64_UNKNOWN_LINUX_GNU;
  private static final int ROUNDS = 3_000;

  @TempDir Path cache;

  private static StencilGroup stencil(String name) {
    byte[] code = new byte[24];
    Arrays.fill(code, (byte) 0x90);
    return new StencilGroup(name, code, new byte[] {1, 2, 3, 4, 5, 6, 7, 8},
        List.of(Hole.parameter(2, HoleKind.ABS_64, "value", 0),
            Hole.of(16, HoleKind.REL_32, HoleValue.CONTINUE, -4)),
        List.of(Hole.of(0, HoleKind.ABS_64, HoleValue.CODE, 3)));
  }

  /** {@code sealed} damaged by {@code random}, with its checksum made right again. */
  private static byte[] damaged(byte[] sealed, Random random) {
    byte[] bytes = sealed.clone();
    int payload = bytes.length - 32;
    switch (random.nextInt(4)) {
      case 0 -> bytes[random.nextInt(payload)] ^= (byte) (1 << random.nextInt(8));
      case 1 -> ByteBuffer.wrap(bytes).putInt(random.nextInt(payload - 3),
          switch (random.nextInt(3)) {
            case 0 -> random.nextInt();
            case 1 -> 2_000_000_000 - random.nextInt(8); // a length of 2 GB
            default -> Integer.MAX_VALUE - random.nextInt(8); // an offset that overflows
          });
      case 2 -> bytes[random.nextInt(payload)] = (byte) random.nextInt(256);
      default -> {
        int cut = random.nextInt(payload);
        bytes = Arrays.copyOf(Arrays.copyOf(bytes, cut), cut + 32);
      }
    }
    byte[] digest = SealedFile.sha256().digest(Arrays.copyOf(bytes, bytes.length - 32));
    System.arraycopy(digest, 0, bytes, bytes.length - 32, 32);
    return bytes;
  }

  private static void assertHolesInside(StencilGroup stencil) {
    for (Hole hole : stencil.codeHoles()) {
      assertThat((long) hole.offset() + hole.kind().width()).isAtMost(stencil.code().length);
    }
    for (Hole hole : stencil.dataHoles()) {
      assertThat((long) hole.offset() + hole.kind().width()).isAtMost(stencil.data().length);
    }
  }

  @Test
  void aDamagedSnapshotIsReadOrRejectedWithItsCause() {
    byte[] sealed = new Snapshot(new StencilLibrary(TRIPLE, List.of(stencil("ADD"),
        stencil("NEGATE"))), Map.of("ADD", List.of("nop")), "1.0", "clang 19", "flags",
        "template", Map.of("ADD", new Snapshot.Input("unit", Map.of("calc.h", "digest")),
            "NEGATE", new Snapshot.Input("unit2", Map.of()))).encode();
    Random random = new Random(9);
    for (int round = 0; round < ROUNDS; round++) {
      byte[] bytes = damaged(sealed, random);
      try {
        Snapshot.decode(bytes).library().stencils()
            .forEach(DamagedEntryFuzzTest::assertHolesInside);
      } catch (IllegalArgumentException expected) {
        assertThat(expected.getMessage()).isNotEmpty();
      } catch (RuntimeException | Error e) {
        throw new AssertionError("round " + round + ": " + HexFormat.of().formatHex(bytes), e);
      }
    }
  }

  @Test
  void aDamagedCacheEntryIsFoundOrAWarning() throws IOException {
    StencilCache writer = new StencilCache(cache);
    String key = "ab".repeat(32);
    writer.store(key, TRIPLE, new CachedStencil(stencil("ADD"), List.of("nop"), Map.of(),
        List.of("a warning")));
    assertThat(writer.warning()).isEmpty();
    Path entry = cache.resolve("ab").resolve(key + ".stencil");
    byte[] sealed = Files.readAllBytes(entry);
    Random random = new Random(9);
    for (int round = 0; round < ROUNDS; round++) {
      byte[] bytes = damaged(sealed, random);
      Files.write(entry, bytes);
      StencilCache reader = new StencilCache(cache);
      Optional<CachedStencil> found;
      try {
        found = reader.find(key, TRIPLE, UnaryOperator.identity());
      } catch (RuntimeException | Error e) {
        throw new AssertionError("round " + round + ": " + HexFormat.of().formatHex(bytes), e);
      }
      found.ifPresent(cached -> assertHolesInside(cached.stencil()));
      // found, or not (a header it names in place of none is missing), or damaged and warned of
      if (reader.warning().isPresent()) {
        assertWithMessage("round %s: found though damaged", round).that(found).isEmpty();
      }
    }
  }
}

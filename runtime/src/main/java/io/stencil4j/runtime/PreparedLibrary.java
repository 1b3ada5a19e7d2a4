package io.stencil4j.runtime;

import io.stencil4j.model.StencilGroup;
import io.stencil4j.model.StencilLibrary;
import io.stencil4j.model.Triple;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A library's stencils prepared once for every assembler of it: found by their index in the
 * library (generated emitters give it) or else by identity. The last library prepared is kept, so that a JIT creating an assembler
 * per function prepares its stencils once.
 */
final class PreparedLibrary {
  /** The stencil a library's shim becomes: the entry from native code into the stencils. */
  static final String SHIM = "SHIM";

  private static volatile PreparedLibrary last;

  final StencilLibrary library;
  final boolean hasShim;
  /** The index of the shim stencil; -1 if there is none. */
  final int shimIndex;
  /** The native helpers: the stencil that defines functions; null if there is none. */
  final StencilGroup helpers;
  /** The most any one stencil takes of a function's code, data and parameters. */
  final int largestCode;
  final int largestDataSpan;
  final int mostParameters;
  /** In the library's order. */
  private final PreparedStencil[] byIndex;
  private final Map<StencilGroup, PreparedStencil> byIdentity = new IdentityHashMap<>();

  private PreparedLibrary(StencilLibrary library) {
    this.library = library;
    List<StencilGroup> all = library.stencils();
    byIndex = new PreparedStencil[all.size()];
    int shim = -1;
    int code = 0;
    int data = 0;
    int parameters = 0;
    StencilGroup helperFunctions = null;
    for (int i = 0; i < all.size(); i++) {
      if (!all.get(i).functions().isEmpty()) {
        helperFunctions = all.get(i);
      }
      byIndex[i] = new PreparedStencil(all.get(i), i);
      byIdentity.put(all.get(i), byIndex[i]);
      if (all.get(i).name().equals(SHIM)) {
        shim = i;
      }
      code = Math.max(code, byIndex[i].codeSize);
      data = Math.max(data, byIndex[i].dataSpan);
      parameters = Math.max(parameters, byIndex[i].parameterCount);
    }
    this.largestCode = code;
    this.largestDataSpan = data;
    this.mostParameters = parameters;
    this.shimIndex = shim;
    this.helpers = helperFunctions;
    this.hasShim = shim >= 0;
  }

  /**
   * {@code library} prepared.
   *
   * @throws IllegalArgumentException if its stencils were built for another triple than the host's
   */
  static PreparedLibrary of(StencilLibrary library) {
    PreparedLibrary prepared = last;
    if (prepared != null && prepared.library == library) {
      return prepared;
    }
    Optional<Triple> host = Triple.host();
    if (host.isEmpty() || host.get() != library.triple()) {
      throw new IllegalArgumentException("these stencils were built for " + library.triple()
          + ", which cannot run on this machine (" + host.map(t -> t.triple())
              .orElse("a machine Stencil4j knows no triple for") + ", os.name="
          + System.getProperty("os.name") + ", os.arch=" + System.getProperty("os.arch")
          + "); build the stencils for it too (@Stencil triples) and pick them with forHost()");
    }
    prepared = new PreparedLibrary(library);
    last = prepared;
    return prepared;
  }

  int size() {
    return byIndex.length;
  }

  /** Every stencil prepared, in the library's order; the caller must not modify the array. */
  PreparedStencil[] all() {
    return byIndex;
  }

  /**
   * {@code stencil} prepared, found at {@code index} when it is there (one comparison), else by
   * identity.
   *
   * @throws IllegalArgumentException as {@link #get(StencilGroup)}
   */
  PreparedStencil get(StencilGroup stencil, int index) {
    if (index >= 0 && index < byIndex.length && byIndex[index].stencil == stencil) {
      return byIndex[index];
    }
    return get(stencil);
  }

  /**
   * {@code stencil} prepared.
   *
   * @throws IllegalArgumentException if it is not one of this library's
   */
  PreparedStencil get(StencilGroup stencil) {
    PreparedStencil prepared = byIdentity.get(stencil);
    if (prepared == null) {
      throw new IllegalArgumentException("stencil " + stencil.name()
          + " is not one of this assembler's stencils for " + library.triple());
    }
    return prepared;
  }
}

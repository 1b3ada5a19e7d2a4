package io.stencil4j.processor;

import io.stencil4j.processor.diagnostic.StencilException;
import io.stencil4j.processor.spec.SpecReader;
import io.stencil4j.processor.spec.StencilSpec;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;

/**
 * The C header names the interfaces of one compilation have taken. A header name is the files'
 * name and the prefix of every C name in them, so two interfaces with one name would overwrite
 * each other's files or, in two packages, clash in a C program that includes both.
 */
final class HeaderClaims {
  private final Map<String, String> owners = new HashMap<>();

  /** Takes {@code spec}'s header for its interface, unless another interface has it. */
  void claim(StencilSpec spec) throws StencilException {
    String header = spec.library().header();
    String name = spec.type().getQualifiedName().toString();
    String owner = owners.putIfAbsent(header, name);
    if (owner == null) {
      return;
    }
    String collision = " is taken by " + owner + " in this compilation: two @Stencil interfaces "
        + "cannot share C headers (the files and their C names would collide); give " + name
        + " another header";
    if (explicit(spec)) {
      throw StencilException.at("header", "header \"" + header + "\"" + collision);
    }
    throw StencilException.on(spec.type(), "the default header \"" + header + "\" (from the "
        + "interface's name)" + collision + " with @Stencil(header = ...)");
  }

  /**
   * Whether the interface {@code name} may remove the files of {@code header}: no other
   * interface of this compilation has taken it.
   */
  boolean mayRemove(String header, String name) {
    String owner = owners.get(header);
    return owner == null || owner.equals(name);
  }

  private static boolean explicit(StencilSpec spec) {
    for (ExecutableElement member :
        SpecReader.stencilAnnotation(spec.type()).getElementValues().keySet()) {
      if (member.getSimpleName().contentEquals("header")) {
        return true;
      }
    }
    return false;
  }
}

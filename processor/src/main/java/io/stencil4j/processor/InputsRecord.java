package io.stencil4j.processor;

import java.io.IOException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;

/**
 * The inputs record of one {@code @Stencil} interface, beside its entry class's source: every
 * file its stencils were built from, with the SHA-256 of its contents, and every file built from
 * them. javac knows only the interface's own source, so a build tool needs this to tell that a
 * C file changed: stencil4j-maven-plugin compares it with the files on disk before javac runs
 * and, for a changed input, deletes the outputs, whose missing class file makes the compiler
 * plugin compile the interface (and so build its stencils) again.
 *
 * <p>After the first line, {@value #FORMAT}, a line each: {@code interface NAME}, {@code input
 * SHA-256 URI}, {@code output URI} (files as {@code file:} URIs, so any path fits on one line).
 * A class file among the outputs goes with the class files of its nested classes.
 */
final class InputsRecord {
  /** The first line, naming the format and its version. */
  static final String FORMAT = "# stencil4j-inputs 1";

  /** The record's file name, for the entry class {@code entry}. */
  static String name(String entry) {
    return entry + ".stencil-inputs";
  }

  private final String interfaceName;
  private final String entry;
  private final List<Path> outputs;

  private InputsRecord(String interfaceName, String entry, List<Path> outputs) {
    this.interfaceName = interfaceName;
    this.entry = entry;
    this.outputs = List.copyOf(outputs);
  }

  /**
   * The record of {@code type}, whose entry class is {@code entry} and whose generated sources
   * and headers in {@code pkg} are {@code generated}, with the files of its outputs found before
   * any is written (javac's Filer shows no file it has written); empty when javac keeps its
   * output in memory, where no build tool can look.
   */
  static Optional<InputsRecord> before(Filer filer, String pkg, TypeElement type, String entry,
      List<String> generated) throws IOException {
    List<Optional<Path>> outputs = new ArrayList<>();
    outputs.add(file(filer, StandardLocation.CLASS_OUTPUT, pkg, topLevel(type) + ".class"));
    outputs.add(file(filer, StandardLocation.CLASS_OUTPUT, pkg, entry + ".class"));
    for (String name : generated) {
      outputs.add(file(filer, StandardLocation.SOURCE_OUTPUT, pkg, name));
    }
    if (outputs.stream().anyMatch(Optional::isEmpty)) {
      return Optional.empty();
    }
    return Optional.of(new InputsRecord(type.getQualifiedName().toString(), entry,
        outputs.stream().map(Optional::get).toList()));
  }

  /** Writes the record to {@code sources}, with the stencils' {@code inputs}. */
  void write(SourceOutput sources, Map<Path, String> inputs) throws IOException {
    StringBuilder text = new StringBuilder(FORMAT).append('\n');
    text.append("interface ").append(interfaceName).append('\n');
    inputs.forEach((file, sha) -> text.append("input ").append(sha).append(' ')
        .append(file.toAbsolutePath().toUri()).append('\n'));
    outputs.forEach(file -> text.append("output ").append(file.toUri()).append('\n'));
    sources.write(name(entry), text.toString());
  }

  /** The simple name of the class whose source declares {@code type}: its class file's name. */
  private static String topLevel(TypeElement type) {
    Element top = type;
    while (!(top.getEnclosingElement() instanceof PackageElement)) {
      top = top.getEnclosingElement();
    }
    return top.getSimpleName().toString();
  }

  /** The file {@code name} of {@code pkg} in {@code location}; empty if it is kept in memory. */
  private static Optional<Path> file(Filer filer, JavaFileManager.Location location, String pkg,
      String name) throws IOException {
    try {
      return Optional.of(Path.of(filer.getResource(location, pkg, name).toUri()));
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }
}

package io.stencil4j.processor;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** javac's source output for one package, through the Filer: where the processor's files go. */
final class SourceOutput implements HeaderFiles.Place {
  private final Filer filer;
  private final String pkg;
  private final Element origin;

  /** The source output of {@code pkg}, for files generated from {@code origin}. */
  SourceOutput(Filer filer, String pkg, Element origin) {
    this.filer = filer;
    this.pkg = pkg;
    this.origin = origin;
  }

  @Override
  public Path path(String name) throws IOException {
    try {
      // as a path: javac's FileObject.delete() for a resource opened this way never deletes
      return Path.of(filer.getResource(StandardLocation.SOURCE_OUTPUT, pkg, name).toUri());
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      throw new IOException("javac's file manager shows it as no file (" + e + ")", e);
    }
  }

  @Override
  public void write(String name, String text) throws IOException {
    FileObject resource = filer.createResource(StandardLocation.SOURCE_OUTPUT, pkg, name, origin);
    try (Writer writer = resource.openWriter()) {
      writer.write(text);
    }
  }
}

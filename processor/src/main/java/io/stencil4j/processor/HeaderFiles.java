package io.stencil4j.processor;

import io.stencil4j.model.Triple;
import io.stencil4j.processor.build.BuiltLibrary;
import io.stencil4j.processor.output.HeaderWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A library's C headers where a build puts them (javac's source output, or the command line's
 * directory), by the same rules for both: a header that already starts with the build's digest
 * stays (its contents are what the build would write: megabytes, for a large library); a build
 * that fails removes the headers of an earlier one, so that no stale stencil looks valid.
 */
final class HeaderFiles {
  /** Where the headers are. */
  interface Place {
    /** The file {@code name} is or would be; an exception if this place cannot tell. */
    Path path(String name) throws IOException;

    /** Writes {@code text} as the file {@code name}, readable as any new file of its user. */
    void write(String name, String text) throws IOException;
  }

  private HeaderFiles() {}

  /** The names of the headers of {@code header}: one per triple, then the dispatcher. */
  static List<String> names(String header, List<Triple> triples) {
    List<String> names = new ArrayList<>();
    triples.forEach(t -> names.add(HeaderWriter.tripleHeaderName(header, t)));
    names.add(header + ".h");
    return names;
  }

  /**
   * Writes the headers of {@code build}, named {@code header}, unless every one there already
   * starts with its digest; all are rendered before the first is written. Returns whether it
   * wrote them.
   */
  static boolean write(Place place, String header, BuiltLibrary build) throws IOException {
    // the headers of triples an earlier build had and this one has not; a place that cannot
    // show its files (compile-testing's memory) cannot hold an earlier build's either
    remove(place, Arrays.stream(Triple.values()).filter(t -> !build.libraries().containsKey(t))
        .map(t -> HeaderWriter.tripleHeaderName(header, t)).toList());
    List<String> names = names(header, List.copyOf(build.libraries().keySet()));
    if (names.stream().allMatch(name -> upToDate(place, name, build.digest()))) {
      return false;
    }
    Map<String, String> files = new HeaderWriter(header, build.digest(), build.sources(),
        build.variants())
        .files(build.libraries(), build.disassembly());
    for (Map.Entry<String, String> file : files.entrySet()) {
      place.write(file.getKey(), file.getValue());
    }
    return true;
  }

  private static boolean upToDate(Place place, String name, String digest) {
    try {
      Path path = place.path(name);
      if (!Files.isRegularFile(path)) {
        return false;
      }
      try (BufferedReader reader = Files.newBufferedReader(path)) {
        return ("// " + digest).equals(reader.readLine());
      }
    } catch (IOException e) {
      return false; // no earlier file this place can show, or an unreadable one: write it
    }
  }

  /**
   * Removes the files {@code names} (headers, or what else a build generated there) that an
   * earlier build left; returns, for each that could not be checked, why.
   */
  static List<String> remove(Place place, List<String> names) {
    List<String> failures = new ArrayList<>();
    for (String name : names) {
      try {
        Files.deleteIfExists(place.path(name));
      } catch (IOException e) {
        failures.add(name + ": " + e);
      }
    }
    return failures;
  }
}

package io.stencil4j.maven;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code @Stencil} interface's inputs record, as the Stencil4j processor writes it beside
 * the interface's generated entry class: the files its stencils were built from, each with the
 * SHA-256 of its contents then, and the files built from them.
 *
 * @param file the record's own file
 * @param interfaceName the interface's qualified name
 * @param inputs the SHA-256 (hex) of each input's contents when its stencils were built
 * @param outputs the interface's class file, its entry class's, the generated source and headers
 */
record InputsRecord(Path file, String interfaceName, Map<Path, String> inputs,
    List<Path> outputs) {
  /** The ending of a record's file name. */
  static final String SUFFIX = ".stencil-inputs";
  /** The first line of the one format this plugin reads. */
  static final String FORMAT = "# stencil4j-inputs 1";

  private static final Pattern INTERFACE = Pattern.compile("interface (\\S+)");
  private static final Pattern INPUT = Pattern.compile("input ([0-9a-f]{64}) (file:\\S+)");
  private static final Pattern OUTPUT = Pattern.compile("output (file:\\S+)");

  InputsRecord {
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs)); // in the record's order
    outputs = List.copyOf(outputs);
  }

  /**
   * Reads the record {@code file}.
   *
   * @throws IllegalArgumentException naming the line, when it is not a record this plugin reads
   */
  static InputsRecord read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(FORMAT)) {
      throw new IllegalArgumentException("line 1 is not \"" + FORMAT + "\": it was written by "
          + "another Stencil4j version than this plugin's, or damaged");
    }
    String interfaceName = null;
    Map<Path, String> inputs = new LinkedHashMap<>();
    List<Path> outputs = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher matcher;
      try {
        if ((matcher = INTERFACE.matcher(line)).matches() && interfaceName == null) {
          interfaceName = matcher.group(1);
        } else if ((matcher = INPUT.matcher(line)).matches()) {
          inputs.put(Path.of(URI.create(matcher.group(2))), matcher.group(1));
        } else if ((matcher = OUTPUT.matcher(line)).matches()) {
          outputs.add(Path.of(URI.create(matcher.group(1))));
        } else {
          throw new IllegalArgumentException("is no interface, input or output line");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (interfaceName == null || outputs.isEmpty()) {
      throw new IllegalArgumentException("it names no interface or no output: it is cut short");
    }
    return new InputsRecord(file, interfaceName, inputs, outputs);
  }
}

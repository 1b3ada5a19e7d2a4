package io.stencil4j.processor.spec;

import io.stencil4j.model.Triple;
import io.stencil4j.processor.diagnostic.StencilException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A library's C-side values as the user wrote them, in a {@code @Stencil} annotation or on the
 * command line; {@link #validate} is the one place they are checked, so both accept and reject
 * the same inputs. Problems name the annotation member (the command line maps it to its option).
 *
 * @param template the template's file name
 * @param cases the cases file's name, or empty for none
 * @param shim the shim's file name, or empty for none
 * @param helpers the native helpers' file name, or empty for none
 * @param triples the target triples' names
 * @param includes include directories' names
 * @param defines preprocessor definitions
 * @param flags extra compiler flags
 * @param header the C headers' base name
 * @param casePattern the regular expression that starts a case, or empty for the default
 */
public record LibraryValues(String template, String cases, String shim, String helpers,
    List<String> triples,
    List<String> includes, List<String> defines, List<String> flags, String header,
    String casePattern) {
  private static final Pattern DEFINE = Pattern.compile("[A-Za-z_]\\w*(\\([^)]*\\))?(=.*)?",
      Pattern.DOTALL);
  private static final Set<String> FORBIDDEN_FLAGS = Set.of("-o", "-c", "-S", "-E", "-target");

  /**
   * Copies the lists, so that the values cannot change once read.
   *
   * @param template the template's file name
   * @param cases the cases file's name, or empty for none
   * @param shim the shim's file name, or empty for none
   * @param helpers the native helpers' file name, or empty for none
   * @param triples the target triples' names
   * @param includes include directories' names
   * @param defines preprocessor definitions
   * @param flags extra compiler flags
   * @param header the C headers' base name
   * @param casePattern the regular expression that starts a case, or empty for the default
   */
  public LibraryValues {
    triples = List.copyOf(triples);
    includes = List.copyOf(includes);
    defines = List.copyOf(defines);
    flags = List.copyOf(flags);
  }

  /**
   * {@return the library these values describe, its files found by {@code files}}
   *
   * @param files finds each named file and directory
   * @throws StencilException on the first bad value, naming its member and entry
   */
  public LibrarySpec validate(FileLocator files) throws StencilException {
    Path templateFile = files.file("template", template);
    Optional<Path> casesFile = optionalFile(files, "cases", cases);
    Optional<Path> shimFile = optionalFile(files, "shim", shim);
    Optional<Path> helpersFile = optionalFile(files, "helpers", helpers);
    List<Triple> targets = targets();
    List<Path> includeDirectories = new ArrayList<>();
    for (int i = 0; i < includes.size(); i++) {
      includeDirectories.add(files.directory("includes", i, includes.get(i)));
    }
    for (int i = 0; i < defines.size(); i++) {
      if (!DEFINE.matcher(defines.get(i)).matches()) {
        throw StencilException.at("defines", i, "define \"" + defines.get(i)
            + "\" is not NAME or NAME=VALUE");
      }
    }
    for (int i = 0; i < flags.size(); i++) {
      String flag = flags.get(i);
      if (FORBIDDEN_FLAGS.contains(flag) || flag.startsWith("--target")) {
        throw StencilException.at("flags", i, "flag " + flag
            + " is set by Stencil4j for each compile and cannot be overridden");
      }
    }
    Optional<String> headerProblem = StencilNames.headerProblem(header);
    if (headerProblem.isPresent()) {
      throw StencilException.at("header", headerProblem.get());
    }
    return new LibrarySpec(templateFile, casesFile, shimFile, helpersFile, targets, includeDirectories,
        defines, flags, header, CaseSplitter.of(casePattern));
  }

  private static Optional<Path> optionalFile(FileLocator files, String member, String name)
      throws StencilException {
    return name.isEmpty() ? Optional.empty() : Optional.of(files.file(member, name));
  }

  private List<Triple> targets() throws StencilException {
    if (triples.isEmpty()) {
      throw StencilException.at("triples", "triples must name at least one target triple");
    }
    Set<Triple> targets = new LinkedHashSet<>();
    for (int i = 0; i < triples.size(); i++) {
      String name = triples.get(i);
      Optional<Triple> triple = Triple.of(name);
      if (triple.isEmpty()) {
        throw StencilException.at("triples", i, "unknown triple \"" + name + "\"; known: "
            + Arrays.stream(Triple.values()).map(Triple::triple).collect(Collectors.joining(", ")));
      }
      if (!targets.add(triple.get())) {
        throw StencilException.at("triples", i, "triple " + name + " is listed twice");
      }
    }
    return List.copyOf(targets);
  }
}

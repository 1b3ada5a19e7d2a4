package io.stencil4j.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line's arguments, parsed strictly: an unknown option, a missing value or a
 * single-valued option given twice is a usage error, never ignored or silently overridden.
 */
final class CliArguments {
  /** How an option takes values. */
  private enum Arity { ONE, REPEATED, NONE, OPTIONAL }

  private static final Map<String, Arity> OPTIONS = Map.ofEntries(
      Map.entry("template", Arity.ONE), Map.entry("cases", Arity.ONE),
      Map.entry("shim", Arity.ONE), Map.entry("helpers", Arity.ONE),
      Map.entry("header", Arity.ONE),
      Map.entry("output", Arity.ONE), Map.entry("triple", Arity.REPEATED),
      Map.entry("include", Arity.REPEATED), Map.entry("define", Arity.REPEATED),
      Map.entry("flag", Arity.REPEATED), Map.entry("case-pattern", Arity.ONE),
      Map.entry("clang", Arity.ONE), Map.entry("gcc", Arity.OPTIONAL),
      Map.entry("cache", Arity.ONE), Map.entry("snapshot", Arity.ONE),
      Map.entry("isolated", Arity.NONE), Map.entry("timeout", Arity.ONE),
      Map.entry("help", Arity.NONE), Map.entry("version", Arity.NONE));

  /** A command line that cannot be understood; the message says why. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  private final Map<String, List<String>> values;

  private CliArguments(Map<String, List<String>> values) {
    this.values = values;
  }

  static CliArguments parse(String[] args) throws UsageException {
    Map<String, List<String>> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h")) {
        arg = "--help";
      }
      if (!arg.startsWith("--") || arg.equals("--")) {
        throw new UsageException("unexpected argument \"" + arg + "\" (every argument is an "
            + "--option)");
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
      Arity arity = OPTIONS.get(name);
      if (arity == null) {
        throw new UsageException("unknown option --" + name + closest(name)
            .map(known -> "; did you mean --" + known + "?").orElse(""));
      }
      String value;
      if (equals >= 0) {
        if (arity == Arity.NONE) {
          throw new UsageException("--" + name + " takes no value");
        }
        value = arg.substring(equals + 1);
      } else if (arity == Arity.NONE || arity == Arity.OPTIONAL) {
        value = "";
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageException("--" + name + " needs a value");
      }
      List<String> given = values.computeIfAbsent(name, n -> new ArrayList<>());
      if (!given.isEmpty() && arity != Arity.REPEATED) {
        throw new UsageException("--" + name + " is given twice");
      }
      given.add(value);
    }
    return new CliArguments(values);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  /** The value of a single-valued option, if given. */
  Optional<String> value(String name) {
    List<String> given = values.get(name);
    return given == null ? Optional.empty() : Optional.of(given.get(0));
  }

  /** Every value of a repeated option, in order. */
  List<String> values(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** The known option a misspelt {@code name} most likely means: at most two edits away. */
  private static Optional<String> closest(String name) {
    String best = null;
    int bestDistance = 3;
    for (String known : OPTIONS.keySet().stream().sorted().toList()) {
      int distance = editDistance(name, known);
      if (distance < bestDistance) {
        best = known;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

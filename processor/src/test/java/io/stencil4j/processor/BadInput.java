package io.stencil4j.processor;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of the bad-input catalogue: the inputs of a build that must fail, and the one error
 * it must fail with. The inputs are kept apart from javac (a library's values, its files, the
 * options by name) so that a runner for the command line can feed the library-level entries to
 * it as well; only {@link #body} is Java.
 *
 * @param name what the entry tries, for the test's display name
 * @param scope whether the command line must reject it too, or it concerns the Java interface
 * @param library the {@code @Stencil} values
 * @param body the interface declaration after the annotation
 * @param files the files written into the build's root (over the default template and cases),
 *     each name relative to it
 * @param options the processor options by name without {@code stencil.} (the command line's
 *     {@code --NAME}); a null value is an option without a value. {@code {root}} in a value is
 *     the root directory
 * @param where what the error is reported on
 * @param message the error's text; {@code {root}} is the root directory
 */
record BadInput(String name, Scope scope, Library library, String body, Map<String, Content> files,
    Map<String, String> options, Where where, String message) {

  /** Who must reject the input. */
  enum Scope {
    /** The library's values, files or options: the processor and the command line. */
    LIBRARY,
    /** The Java interface: the processor only. */
    INTERFACE
  }

  /** The interface of every entry unless it says otherwise. */
  static final String BODY = """
      public interface Calc {
        void add(long value);

        void negate();
      }
      """;

  /**
   * The values of {@code @Stencil}; an empty string (but the template) or a null list is the
   * member left out, its default.
   */
  record Library(String template, String cases, String shim, String helpers,
      List<String> triples, List<String> includes, List<String> defines, List<String> flags,
      String header, String casePattern) {

    /** The fixture's library: {@code calc.c} with the cases {@code calc_cases.c}. */
    static final Library CALC =
        new Library("calc.c", "calc_cases.c", "", "", null, null, null, null, "", "");

    /**
     * The members given, by name, in declaration order: what the annotation spells out (the
     * template always, as it has no default).
     */
    Map<String, Object> members() {
      Map<String, Object> members = new LinkedHashMap<>();
      members.put("template", template);
      members.put("cases", cases);
      members.put("shim", shim);
      members.put("helpers", helpers);
      members.put("triples", triples);
      members.put("includes", includes);
      members.put("defines", defines);
      members.put("flags", flags);
      members.put("header", header);
      members.put("casePattern", casePattern);
      members.entrySet().removeIf(m -> m.getValue() == null
          || !m.getKey().equals("template") && "".equals(m.getValue()));
      return members;
    }
  }

  /** What a diagnostic is reported on. */
  sealed interface Where {
    /** The value of the annotation's member {@code name}, or its entry {@code index} (>= 0). */
    record Member(String name, int index) implements Where {}

    /** The annotation as a whole. */
    record Annotation() implements Where {}

    /** An element of the interface: the first occurrence of {@code text} in its declaration. */
    record Element(String text) implements Where {}
  }

  /** A file's contents. */
  sealed interface Content {
    record Text(String text) implements Content {}

    record Bytes(byte[] bytes) implements Content {}

    /** A directory, where a file is expected. */
    record Directory() implements Content {}

    /** A symbolic link to {@code target}, which need not exist. */
    record Link(String target) implements Content {}

    /** An executable shell script (a fake compiler). */
    record Script(String text) implements Content {}
  }

  /** A new entry named {@code name}: the fixture's library, to be changed and given its error. */
  static Builder input(String name) {
    return new Builder(name);
  }

  /** Builds an entry from the fixture's library. */
  static final class Builder {
    private final String name;
    private Scope scope = Scope.LIBRARY;
    private String template = Library.CALC.template();
    private String cases = Library.CALC.cases();
    private String shim = "";
    private String helpers = "";
    private List<String> triples;
    private List<String> includes;
    private List<String> defines;
    private List<String> flags;
    private String header = "";
    private String casePattern = "";
    private String body = BODY;
    private final Map<String, Content> files = new LinkedHashMap<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    Builder template(String value) {
      template = value;
      return this;
    }

    Builder cases(String value) {
      cases = value;
      return this;
    }

    Builder shim(String value) {
      shim = value;
      return this;
    }

    Builder helpers(String value) {
      helpers = value;
      return this;
    }

    Builder triples(String... values) {
      triples = List.of(values);
      return this;
    }

    Builder includes(String... values) {
      includes = List.of(values);
      return this;
    }

    Builder defines(String... values) {
      defines = List.of(values);
      return this;
    }

    Builder flags(String... values) {
      flags = List.of(values);
      return this;
    }

    Builder header(String value) {
      header = value;
      return this;
    }

    Builder casePattern(String value) {
      casePattern = value;
      return this;
    }

    /** Replaces the interface declaration: the entry concerns Java, not the library. */
    Builder body(String value) {
      body = value;
      scope = Scope.INTERFACE;
      return this;
    }

    /** Replaces {@code from} with {@code to} in the interface declaration. */
    Builder edit(String from, String to) {
      if (!body.contains(from)) {
        throw new IllegalArgumentException(name + ": the interface has no " + from);
      }
      return body(body.replace(from, to));
    }

    /**
     * The interface with {@code add} selecting a variant of {@code ADD}, as a library whose ADD
     * is a variant case needs: still a library entry.
     */
    Builder addSelectsVariant() {
      body = body.replace("void add(long value);", "void add(@Variant int slot, long value);");
      return this;
    }

    /** The cases this entry's library has match no method as written: a Java-side problem. */
    Builder interfaceScope() {
      scope = Scope.INTERFACE;
      return this;
    }

    Builder file(String file, String text) {
      files.put(file, new Content.Text(text));
      return this;
    }

    Builder file(String file, byte[] bytes) {
      files.put(file, new Content.Bytes(bytes));
      return this;
    }

    Builder file(String file, Content content) {
      files.put(file, content);
      return this;
    }

    /** The cases file with {@code from} replaced by {@code to}. */
    Builder casesEdit(String from, String to) {
      return file("calc_cases.c", edited(StencilFixture.CASES, from, to));
    }

    /** The template with {@code from} replaced by {@code to}. */
    Builder templateEdit(String from, String to) {
      return file("calc.c", edited(StencilFixture.TEMPLATE, from, to));
    }

    private String edited(String text, String from, String to) {
      if (!text.contains(from)) {
        throw new IllegalArgumentException(name + ": no " + from + " in " + text);
      }
      return text.replace(from, to);
    }

    /**
     * A fake compiler, {@code {root}/fake-clang}, stopped after 2 seconds; without the cache,
     * where what it built would be found by the next fake compiler of the same version.
     */
    Builder compiler(String script) {
      files.put("fake-clang", new Content.Script(script));
      return option("clang", "{root}/fake-clang").option("timeout", "2").option("cache", "none");
    }

    Builder option(String option, String value) {
      options.put(option, value);
      return this;
    }

    BadInput onMember(String member, String message) {
      return build(new Where.Member(member, -1), message);
    }

    BadInput onEntry(String member, int index, String message) {
      return build(new Where.Member(member, index), message);
    }

    BadInput onAnnotation(String message) {
      return build(new Where.Annotation(), message);
    }

    BadInput on(String element, String message) {
      return build(new Where.Element(element), message);
    }

    private BadInput build(Where where, String message) {
      return new BadInput(name, scope, new Library(template, cases, shim, helpers, triples, includes,
          defines, flags, header, casePattern), body, Map.copyOf(files),
          Collections.unmodifiableMap(new LinkedHashMap<>(options)), where, message);
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public String toString() {
    return name;
  }
}

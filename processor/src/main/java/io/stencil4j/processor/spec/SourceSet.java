package io.stencil4j.processor.spec;

import io.stencil4j.processor.diagnostic.StencilException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A library's C sources, read and split into cases once: the shim, the template with its
 * cases (or a template without cases) and the native helpers.
 *
 * @param shim the shim, if any
 * @param helpers the native helpers, if any
 * @param template the template split at CASE, if there are cases
 * @param cases the cases, in file order
 * @param whole the template compiled as it is, when there are no cases
 * @param description the files' names, for the header's comment
 * @param members the {@code @Stencil} member of each file, by the path the compiler names
 * @param digests the SHA-256 (hex) of each file's bytes as they were read, by path: what a
 *     later build compares to tell whether the file changed
 */
public record SourceSet(Optional<SourceFile> shim, Optional<SourceFile> helpers,
    Optional<SplitTemplate> template, List<StencilCase> cases, Optional<SourceFile> whole,
    String description, Map<String, String> members, Map<Path, String> digests) {

  /** The stencil the native helpers become. */
  public static final String HELPERS = "HELPERS";

  /**
   * Copies the cases and members, so that a set cannot change once read.
   *
   * @param shim the shim, if any
   * @param helpers the native helpers, if any
   * @param template the template split at CASE, if there are cases
   * @param cases the cases, in file order
   * @param whole the template compiled as it is, when there are no cases
   * @param description the files' names, for the header's comment
   * @param members the {@code @Stencil} member of each file, by the path the compiler names
   */
  public SourceSet {
    cases = List.copyOf(cases);
    members = Map.copyOf(members);
    digests = Map.copyOf(digests);
  }

  /**
   * {@return reads and splits the files of {@code spec}}
   *
   * @param spec the library
   * @throws StencilException if a file is not UTF-8 text or the cases cannot be split, naming the
   *     file
   */
  public static SourceSet read(LibrarySpec spec) throws StencilException {
    Map<Path, String> digests = new HashMap<>();
    Optional<SourceFile> shim = Optional.empty();
    if (spec.shim().isPresent()) {
      shim = Optional.of(new SourceFile("SHIM", "shim", spec.shim().get(),
          read("shim", spec.shim().get(), digests)));
    }
    Optional<SourceFile> helpers = Optional.empty();
    if (spec.helpers().isPresent()) {
      helpers = Optional.of(new SourceFile(HELPERS, "helpers", spec.helpers().get(),
          read("helpers", spec.helpers().get(), digests)));
    }
    String template = read("template", spec.template(), digests);
    List<String> files = new ArrayList<>(List.of(spec.template().getFileName().toString()));
    spec.cases().ifPresent(c -> files.add(c.getFileName().toString()));
    spec.shim().ifPresent(c -> files.add(c.getFileName().toString()));
    spec.helpers().ifPresent(c -> files.add(c.getFileName().toString()));
    String description = String.join(", ", files);
    Map<String, String> members = new HashMap<>();
    members.put(spec.template().toString(), "template");
    spec.cases().ifPresent(c -> members.put(c.toString(), "cases"));
    spec.shim().ifPresent(c -> members.put(c.toString(), "shim"));
    spec.helpers().ifPresent(c -> members.put(c.toString(), "helpers"));
    if (spec.cases().isEmpty()) {
      String name = spec.template().getFileName().toString().replaceFirst("\\.[^.]*$", "")
          .toUpperCase(Locale.ROOT).replaceAll("\\W", "_");
      Optional<String> problem = StencilNames.stencilProblem(name);
      if (problem.isPresent()) {
        throw StencilException.at("template", spec.template() + ": a template without cases is "
            + "one stencil named after its file, and " + problem.get() + ": rename the file, or "
            + "give the template a cases file");
      }
      if (name.equals(HELPERS) && helpers.isPresent()) {
        throw StencilException.at("template", spec.template() + ": a template without cases is "
            + "one stencil named after its file, and the name HELPERS is taken by the helpers: "
            + "rename the file");
      }
      return new SourceSet(shim, helpers, Optional.empty(), List.of(),
          Optional.of(new SourceFile(name, "template", spec.template(), template)), description,
          members, digests);
    }
    SplitTemplate split = SplitTemplate.split(spec.template(), template);
    Path casesFile = spec.cases().get();
    String casesText = read("cases", casesFile, digests);
    List<StencilCase> cases = spec.caseSplitter().split(casesFile, casesText);
    VariantParameters.check(spec, template, casesText, cases);
    for (StencilCase stencilCase : cases) {
      if (stencilCase.name().equals("SHIM") && spec.shim().isPresent()) {
        throw StencilException.at("cases", casesFile + ":" + stencilCase.line()
            + ": the case name SHIM is taken by the shim");
      }
      if (stencilCase.name().equals(HELPERS) && spec.helpers().isPresent()) {
        throw StencilException.at("cases", casesFile + ":" + stencilCase.line()
            + ": the case name HELPERS is taken by the native helpers");
      }
    }
    return new SourceSet(shim, helpers, Optional.of(split), cases, Optional.empty(), description, members,
        digests);
  }

  /** The text of {@code file}, adding the digest of the bytes read to {@code digests}. */
  private static String read(String member, Path file, Map<Path, String> digests)
      throws StencilException {
    ByteBuffer bytes;
    try {
      byte[] read = Files.readAllBytes(file);
      digests.put(file, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(read)));
      bytes = ByteBuffer.wrap(read);
    } catch (IOException e) {
      throw StencilException.at(member, "cannot read " + file + ": " + e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
    } catch (CharacterCodingException e) {
      // the decoder stops at the first byte it cannot take
      throw StencilException.at(member, String.format("%s is not UTF-8 text (the byte 0x%02x at "
          + "offset %d is not valid there)", file, bytes.get(bytes.position()), bytes.position()));
    }
  }

  /** {@return the names of the stencils, in order: the shim first, the helpers last} */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    shim.ifPresent(f -> names.add(f.stencilName()));
    whole.ifPresent(f -> names.add(f.stencilName()));
    cases.forEach(c -> names.add(c.name()));
    helpers.ifPresent(f -> names.add(f.stencilName()));
    return names;
  }

  /** {@return the files compiled as they are, each one stencil: the shim and the helpers} */
  public List<SourceFile> wholeFiles() {
    List<SourceFile> files = new ArrayList<>();
    shim.ifPresent(files::add);
    whole.ifPresent(files::add);
    helpers.ifPresent(files::add);
    return files;
  }

  /**
   * {@return the {@code @Stencil} member whose file holds the stencil {@code name}}
   *
   * @param name the stencil
   */
  public String member(String name) {
    for (Optional<SourceFile> file : List.of(shim, helpers)) {
      if (file.isPresent() && file.get().stencilName().equals(name)) {
        return file.get().member();
      }
    }
    return whole.map(SourceFile::member).orElse("cases");
  }

  /** {@return the template's and the shim's texts, paths left out} */
  public String templateText() {
    StringBuilder text = new StringBuilder();
    template.ifPresent(t -> text.append(t.before()).append("CASE").append(t.after()));
    whole.ifPresent(f -> text.append(f.text()));
    shim.ifPresent(f -> text.append('\0').append(f.text()));
    helpers.ifPresent(f -> text.append('\0').append(f.text()));
    return text.toString();
  }

  /**
   * {@return the stencils whose case holds {@code line} of {@code file}: one, every value of a
   * variant case, or none}
   *
   * @param file the file as the compiler names it
   * @param line the 1-based line
   */
  public List<String> casesAt(String file, int line) {
    List<String> names = new ArrayList<>();
    for (StencilCase stencilCase : cases) {
      int offset = line - stencilCase.line();
      if (stencilCase.file().toString().equals(file) && offset >= 0
          && offset < stencilCase.text().lines().count()) {
        names.add(stencilCase.name());
      }
    }
    return names;
  }

  /** {@return the variant cases, in file order} */
  public List<VariantCase> variants() {
    return cases.stream().flatMap(c -> c.variant().stream()).distinct().toList();
  }
}

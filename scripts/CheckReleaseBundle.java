import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a release bundle (what {@code mvn -P release verify} deployed into
 * target/release-bundle) against what Maven Central requires of a deployment, signatures
 * excepted: every published module with its jar, sources jar, javadoc jar and POM, each file
 * with a matching .md5 and .sha1, and every POM (or the parent POM it inherits from) with a
 * name, description, url, licenses, developers and scm. With --release, a SNAPSHOT version is an
 * error too, as Central takes releases only.
 *
 * <p>Run with {@code java scripts/CheckReleaseBundle.java [--release] [BUNDLE]}; prints each
 * problem on a line of its own and exits 1 if there is any.
 */
public final class CheckReleaseBundle {
  private static final String GROUP = "io/stencil4j";
  /** The modules a user depends on; the parent POM they inherit their metadata from. */
  private static final List<String> PUBLISHED = List.of("stencil4j-parent",
      "stencil4j-annotations", "stencil4j-processor", "stencil4j-runtime",
      "stencil4j-maven-plugin");
  private static final List<String> METADATA =
      List.of("name", "description", "url", "licenses", "developers", "scm");

  private final Path bundle;
  private final boolean release;
  private final List<String> problems = new ArrayList<>();
  /** Each artifact's POM, by artifactId, for the parent lookups. */
  private final Map<String, Element> poms = new TreeMap<>();

  private CheckReleaseBundle(Path bundle, boolean release) {
    this.bundle = bundle;
    this.release = release;
  }

  public static void main(String[] args) throws Exception {
    List<String> arguments = new ArrayList<>(List.of(args));
    boolean release = arguments.remove("--release");
    Path bundle = Path.of(arguments.isEmpty() ? "target/release-bundle" : arguments.get(0));
    CheckReleaseBundle check = new CheckReleaseBundle(bundle, release);
    int files = check.run();
    if (!check.problems.isEmpty()) {
      check.problems.forEach(problem -> System.out.println(bundle + ": " + problem));
      System.exit(1);
    }
    System.out.println(bundle + ": a complete bundle of " + check.poms.keySet() + " ("
        + files + " files)" + (release ? ", releasable" : ""));
  }

  private int run() throws Exception {
    Path group = bundle.resolve(GROUP);
    List<String> artifacts = new ArrayList<>();
    if (Files.isDirectory(group)) {
      try (Stream<Path> list = Files.list(group)) {
        list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
            .forEach(artifacts::add);
      }
    }
    for (String published : PUBLISHED) {
      if (!artifacts.contains(published)) {
        problems.add("no " + published + " under " + GROUP);
      }
    }
    int files = 0;
    for (String artifact : artifacts) {
      files += artifact(artifact, group.resolve(artifact));
    }
    poms.forEach(this::metadata);
    return files;
  }

  /** Checks one artifact's only version; returns how many files it has. */
  private int artifact(String artifact, Path directory) throws Exception {
    List<Path> versions;
    try (Stream<Path> list = Files.list(directory)) {
      versions = list.filter(Files::isDirectory).toList();
    }
    if (versions.size() != 1) {
      problems.add(artifact + ": " + versions.size() + " versions, a bundle holds one");
      return 0;
    }
    Path versionDirectory = versions.get(0);
    String version = versionDirectory.getFileName().toString();
    if (release && version.endsWith("-SNAPSHOT")) {
      problems.add(artifact + " " + version + ": Central takes releases only; set the version"
          + " with mvn versions:set -DnewVersion=X.Y.Z (docs/RELEASING.md)");
    }
    String base = artifact + "-" + fileVersion(versionDirectory, version);
    Path pom = versionDirectory.resolve(base + ".pom");
    if (!present(artifact, pom)) {
      return 0;
    }
    Element project = parse(pom);
    poms.put(artifact, project);
    List<Path> files = new ArrayList<>(List.of(pom));
    if (!text(project, "packaging").equals("pom")) {
      for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
        Path file = versionDirectory.resolve(base + suffix);
        if (present(artifact, file)) {
          files.add(file);
        }
      }
      holds(artifact, versionDirectory.resolve(base + ".jar"), ".class");
      holds(artifact, versionDirectory.resolve(base + "-sources.jar"), ".java");
      holds(artifact, versionDirectory.resolve(base + "-javadoc.jar"), "index.html");
      manifest(artifact, version, versionDirectory.resolve(base + ".jar"));
    }
    for (Path file : files) {
      checksum(file, "MD5", ".md5");
      checksum(file, "SHA-1", ".sha1");
    }
    return files.size();
  }

  /** The version in file names: a snapshot's is its timestamp and build number. */
  private String fileVersion(Path versionDirectory, String version) throws Exception {
    if (!version.endsWith("-SNAPSHOT")) {
      return version;
    }
    Element snapshot = child(parse(versionDirectory.resolve("maven-metadata.xml")),
        "versioning", "snapshot");
    return version.substring(0, version.length() - "SNAPSHOT".length())
        + text(snapshot, "timestamp") + "-" + text(snapshot, "buildNumber");
  }

  private boolean present(String artifact, Path file) {
    if (Files.isRegularFile(file)) {
      return true;
    }
    problems.add(artifact + ": no " + bundle.relativize(file));
    return false;
  }

  /** A jar holds an entry ending with {@code suffix}: an empty jar is a packaging mistake. */
  private void holds(String artifact, Path jar, String suffix) throws IOException {
    if (!Files.isRegularFile(jar)) {
      return;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.stream().noneMatch(entry -> entry.getName().endsWith(suffix))) {
        problems.add(artifact + ": " + jar.getFileName() + " holds no " + suffix);
      }
    }
  }

  /** The cache keys record Implementation-Version; module users need the module name. */
  private void manifest(String artifact, String version, Path jar) throws IOException {
    if (!Files.isRegularFile(jar)) {
      return;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      var attributes = file.getManifest().getMainAttributes();
      if (!version.equals(attributes.getValue("Implementation-Version"))) {
        problems.add(artifact + ": Implementation-Version "
            + attributes.getValue("Implementation-Version") + " in the manifest, not " + version);
      }
      if (attributes.getValue("Automatic-Module-Name") == null) {
        problems.add(artifact + ": no Automatic-Module-Name in the manifest");
      }
    }
  }

  private void checksum(Path file, String algorithm, String suffix)
      throws IOException, NoSuchAlgorithmException {
    Path sum = file.resolveSibling(file.getFileName() + suffix);
    if (!Files.isRegularFile(sum)) {
      problems.add("no " + bundle.relativize(sum));
      return;
    }
    String expected = HexFormat.of().formatHex(
        MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(file)));
    String recorded = Files.readString(sum).trim().split("\\s+")[0];
    if (!recorded.equalsIgnoreCase(expected)) {
      problems.add(bundle.relativize(sum) + " is " + recorded + ", the file's is " + expected);
    }
  }

  /** Central's required POM elements, from the POM or, as Maven inherits them, its parent. */
  private void metadata(String artifact, Element project) {
    for (String element : METADATA) {
      if (inherited(project, element) == null) {
        problems.add(artifact + ": the POM has no <" + element + ">"
            + (element.equals("name") || child(project, "parent") == null ? ""
                : ", nor has its parent"));
      }
    }
    Element licenses = inherited(project, "licenses");
    if (licenses != null && (text(child(licenses, "license"), "name").isEmpty()
        || text(child(licenses, "license"), "url").isEmpty())) {
      problems.add(artifact + ": a <license> without <name> or <url>");
    }
    Element scm = inherited(project, "scm");
    if (scm != null && (text(scm, "url").isEmpty() || text(scm, "connection").isEmpty())) {
      problems.add(artifact + ": <scm> without <url> or <connection>");
    }
  }

  /** The element in this POM or the nearest parent in the bundle; name is not inherited. */
  private Element inherited(Element project, String name) {
    Element own = child(project, name);
    if (own != null && !own.getTextContent().isBlank()) {
      return own;
    }
    Element parent = child(project, "parent");
    if (parent == null || name.equals("name")) {
      return null;
    }
    Element parentPom = poms.get(text(parent, "artifactId"));
    return parentPom == null ? null : inherited(parentPom, name);
  }

  private static Element parse(Path xml) throws Exception {
    try (InputStream in = Files.newInputStream(xml)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(in);
      return document.getDocumentElement();
    }
  }

  /** The first child element along {@code path}, or null. */
  private static Element child(Element element, String... path) {
    Element at = element;
    for (String name : path) {
      Element found = null;
      for (Node node = at == null ? null : at.getFirstChild(); node != null && found == null;
          node = node.getNextSibling()) {
        if (node instanceof Element e && e.getTagName().equals(name)) {
          found = e;
        }
      }
      at = found;
    }
    return at;
  }

  private static String text(Element element, String name) {
    Element child = child(element, name);
    return child == null ? "" : child.getTextContent().trim();
  }
}

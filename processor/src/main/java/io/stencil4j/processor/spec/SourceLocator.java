package io.stencil4j.processor.spec;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.stencil4j.processor.StencilException;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds the C files an interface names: under each {@code -Astencil.root} directory, then on the
 * source path relative to the interface's package, then beside the interface's source file.
 */
public final class SourceLocator {
  /** The option naming the directories searched first, separated by the path separator. */
  public static final String ROOT_OPTION = "stencil.root";

  private final ProcessingEnvironment env;
  private final TypeElement type;
  private final String packagePath;

  public SourceLocator(ProcessingEnvironment env, TypeElement type) {
    this.env = env;
    this.type = type;
    String pkg = env.getElementUtils().getPackageOf(type).getQualifiedName().toString();
    this.packagePath = pkg.replace('.', '/');
  }

  /** The regular file {@code name} given as the annotation's {@code member}. */
  public Path file(String member, String name) throws StencilException {
    return locate(member, name, false);
  }

  /** The directory {@code name} given as the annotation's {@code member}. */
  public Path directory(String member, String name) throws StencilException {
    return locate(member, name, true);
  }

  private Path locate(String member, String name, boolean directory) throws StencilException {
    String what = directory ? "directory" : "file";
    if (name.isBlank()) {
      throw StencilException.at(member, member + " must name a " + what);
    }
    List<String> tried = new ArrayList<>();
    for (Path candidate : candidates(name, tried)) {
      if (directory ? Files.isDirectory(candidate) : Files.isRegularFile(candidate)) {
        return candidate.toAbsolutePath().normalize();
      }
      tried.add(candidate + " (missing)");
    }
    throw StencilException.at(member,
        "cannot find " + member + " " + what + " \"" + name + "\"; tried " + tried);
  }

  private List<Path> candidates(String name, List<String> tried) {
    Path given = Path.of(name);
    if (given.isAbsolute()) {
      return List.of(given);
    }
    List<Path> candidates = new ArrayList<>();
    String roots = env.getOptions().get(ROOT_OPTION);
    if (roots != null) {
      for (String root : roots.split(File.pathSeparator)) {
        if (!root.isBlank()) {
          candidates.add(Path.of(root).resolve(name));
        }
      }
    } else {
      tried.add("-A" + ROOT_OPTION + " (not set)");
    }
    try {
      FileObject resource = env.getFiler().getResource(StandardLocation.SOURCE_PATH, "",
          packagePath.isEmpty() ? name : packagePath + "/" + name);
      candidates.add(Path.of(resource.toUri()));
    } catch (IOException | IllegalArgumentException | FileSystemNotFoundException e) {
      // javac without -sourcepath searches the class path here and finds nothing
      tried.add("source path " + packagePath + "/" + name + " (" + e.getClass().getSimpleName()
          + ")");
    }
    try {
      TreePath tree = Trees.instance(env).getPath(type);
      if (tree == null) {
        tried.add("the interface's source directory (no source tree)");
      } else {
        Path source = Path.of(tree.getCompilationUnit().getSourceFile().toUri());
        candidates.add(source.resolveSibling(name));
      }
    } catch (IllegalArgumentException | FileSystemNotFoundException
        | UnsupportedOperationException e) {
      // in-memory sources (compile-testing) and wrapped environments (Gradle) have no directory
      tried.add("the interface's source directory (" + e.getClass().getSimpleName() + ")");
    }
    return candidates;
  }
}

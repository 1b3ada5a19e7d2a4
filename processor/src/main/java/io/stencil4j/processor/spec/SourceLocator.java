package io.stencil4j.processor.spec;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystemNotFoundException;
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
public final class SourceLocator extends FileLocator {
  /** The option naming the directories searched first, separated by the path separator. */
  public static final String ROOT_OPTION = "stencil.root";

  private final ProcessingEnvironment env;
  private final TypeElement type;
  private final String packagePath;

  /**
   * A locator for the C files of {@code type}'s {@code @Stencil}: under {@code -Astencil.root}, on
   * the source path by package, then beside the interface's source.
   *
   * @param env javac's environment: options, filer and messager
   * @param type the annotated interface
   */
  public SourceLocator(ProcessingEnvironment env, TypeElement type) {
    this.env = env;
    this.type = type;
    String pkg = env.getElementUtils().getPackageOf(type).getQualifiedName().toString();
    this.packagePath = pkg.replace('.', '/');
  }

  @Override
  protected List<Object> candidates(String name) {
    Path given = Path.of(name);
    if (given.isAbsolute()) {
      return List.of(given);
    }
    List<Object> candidates = new ArrayList<>();
    String roots = env.getOptions().get(ROOT_OPTION);
    if (roots == null) {
      candidates.add("-A" + ROOT_OPTION + " (not set)");
    } else {
      for (String root : roots.split(File.pathSeparator)) {
        if (!root.isBlank()) {
          candidates.add(Path.of(root).resolve(name));
        }
      }
    }
    String onSourcePath = packagePath.isEmpty() ? name : packagePath + "/" + name;
    try {
      FileObject resource =
          env.getFiler().getResource(StandardLocation.SOURCE_PATH, "", onSourcePath);
      candidates.add(Path.of(resource.toUri()));
    } catch (IOException | IllegalArgumentException | FileSystemNotFoundException e) {
      // javac without -sourcepath searches the class path here and finds nothing
      candidates.add("source path " + onSourcePath + " (" + e.getClass().getSimpleName() + ")");
    }
    try {
      TreePath tree = Trees.instance(env).getPath(type);
      if (tree == null) {
        candidates.add("the interface's source directory (no source tree)");
      } else {
        Path source = Path.of(tree.getCompilationUnit().getSourceFile().toUri());
        candidates.add(source.resolveSibling(name));
      }
    } catch (IllegalArgumentException | FileSystemNotFoundException
        | UnsupportedOperationException e) {
      // in-memory sources (compile-testing) and wrapped environments (Gradle) have no directory
      candidates.add("the interface's source directory (" + e.getClass().getSimpleName() + ")");
    }
    return candidates;
  }
}

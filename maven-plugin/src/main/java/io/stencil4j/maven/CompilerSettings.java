package io.stencil4j.maven;

import java.util.Objects;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/**
 * What the stencils depend on besides files: maven-compiler-plugin's version and configuration,
 * which hold the {@code -Astencil.} options and the processor path with Stencil4j's version.
 * maven-compiler-plugin 3 compiles nothing again when they change, so this plugin compares them.
 */
final class CompilerSettings {
  static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";

  private CompilerSettings() {}

  /** The settings of {@code project}'s compiler plugin as text, equal when they are equal. */
  static String of(MavenProject project) {
    Plugin plugin = project.getBuild().getPluginsAsMap().get(COMPILER_PLUGIN);
    if (plugin == null) {
      return "no " + COMPILER_PLUGIN + "\n";
    }
    StringBuilder text = new StringBuilder(COMPILER_PLUGIN).append(' ')
        .append(plugin.getVersion()).append('\n')
        .append(Objects.toString(plugin.getConfiguration(), "")).append('\n');
    plugin.getDependencies().forEach(d -> text.append(d.getManagementKey()).append(' ')
        .append(d.getVersion()).append('\n'));
    for (PluginExecution execution : plugin.getExecutions()) {
      text.append("execution ").append(execution.getId()).append(' ')
          .append(execution.getGoals()).append('\n')
          .append(Objects.toString(execution.getConfiguration(), "")).append('\n');
    }
    return text.toString();
  }
}

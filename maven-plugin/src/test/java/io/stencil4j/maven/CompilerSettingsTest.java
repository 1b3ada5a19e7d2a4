package io.stencil4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** A change of the compiler plugin's version, options or processor path is seen. */
class CompilerSettingsTest {
  @Test
  void differOnlyWhenTheCompilerPluginsSettingsDo() {
    String settings = CompilerSettings.of(project("3.16.0", "-Astencil.root=c", "1.0"));

    assertEquals(settings, CompilerSettings.of(project("3.16.0", "-Astencil.root=c", "1.0")));
    assertNotEquals(settings, CompilerSettings.of(project("3.15.0", "-Astencil.root=c", "1.0")));
    assertNotEquals(settings, CompilerSettings.of(project("3.16.0", "-Astencil.root=d", "1.0")));
    assertNotEquals(settings, CompilerSettings.of(project("3.16.0", "-Astencil.root=c", "1.1")));
    assertEquals("no org.apache.maven.plugins:maven-compiler-plugin\n",
        CompilerSettings.of(new MavenProject(new Model())));
  }

  /**
   * A project whose compiler plugin has {@code version}, the option {@code arg}, and in its
   * default-compile execution the processor at {@code processorVersion}.
   */
  private static MavenProject project(String version, String arg, String processorVersion) {
    Plugin compiler = new Plugin();
    compiler.setGroupId("org.apache.maven.plugins");
    compiler.setArtifactId("maven-compiler-plugin");
    compiler.setVersion(version);
    compiler.setConfiguration(element("configuration",
        element("compilerArgs", text("arg", arg))));
    PluginExecution execution = new PluginExecution();
    execution.setId("default-compile");
    execution.setConfiguration(element("configuration", element("annotationProcessorPaths",
        element("path", text("artifactId", "stencil4j-processor"),
            text("version", processorVersion)))));
    compiler.addExecution(execution);
    Model model = new Model();
    model.setBuild(new Build());
    model.getBuild().addPlugin(compiler);
    return new MavenProject(model);
  }

  private static Xpp3Dom element(String name, Xpp3Dom... children) {
    Xpp3Dom element = new Xpp3Dom(name);
    for (Xpp3Dom child : children) {
      element.addChild(child);
    }
    return element;
  }

  private static Xpp3Dom text(String name, String value) {
    Xpp3Dom element = new Xpp3Dom(name);
    element.setValue(value);
    return element;
  }
}

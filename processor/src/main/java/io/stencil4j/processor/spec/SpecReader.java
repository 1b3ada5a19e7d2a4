package io.stencil4j.processor.spec;

import io.stencil4j.processor.diagnostic.StencilException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Reads and validates a {@code @Stencil} annotation into a {@link StencilSpec}. */
public final class SpecReader {
  /** The annotation processed, by name: the processor does not load the annotations' classes. */
  public static final String STENCIL = "io.stencil4j.Stencil";
  /** The annotation that names an emitter's case, by name. */
  public static final String CASE = "io.stencil4j.Case";
  /** The annotation that marks the parameter selecting a variant, by name. */
  public static final String VARIANT = "io.stencil4j.Variant";
  /** The type of a parameter filled with a label's address, by name. */
  public static final String LABEL = "io.stencil4j.Label";

  private final ProcessingEnvironment env;

  /**
   * A reader that reports through {@code env}'s types and elements.
   *
   * @param env javac's environment
   */
  public SpecReader(ProcessingEnvironment env) {
    this.env = env;
  }

  /**
   * {@return the {@code @Stencil} annotation on {@code element}}
   *
   * @param element an element the processor was given for {@code @Stencil}
   */
  public static AnnotationMirror stencilAnnotation(Element element) {
    return annotation(element, STENCIL).orElseThrow();
  }

  static Optional<AnnotationMirror> annotation(Element element, String name) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(name)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /**
   * {@return the annotation's explicit or default value {@code member}}
   *
   * @param mirror the annotation
   * @param member the member's name
   */
  public AnnotationValue value(AnnotationMirror mirror, String member) {
    Map<? extends ExecutableElement, ? extends AnnotationValue> values =
        env.getElementUtils().getElementValuesWithDefaults(mirror);
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue();
      }
    }
    throw new IllegalArgumentException("@Stencil has no member " + member);
  }

  /**
   * {@return the annotation's values, validated, with its C files found and its emitters read}
   *
   * @param element the annotated element
   * @throws StencilException if the element is not an interface or a value or method is bad, on
   *     that member or method
   */
  public StencilSpec read(Element element) throws StencilException {
    if (element.getKind() != ElementKind.INTERFACE) {
      throw StencilException.on(element, "@Stencil must annotate an interface, not "
          + article(element.getKind()) + " " + element.getSimpleName());
    }
    TypeElement type = (TypeElement) element;
    if (!type.getTypeParameters().isEmpty()) {
      throw StencilException.on(type, "a @Stencil interface cannot have type parameters");
    }
    AnnotationMirror mirror = stencilAnnotation(type);
    String header = string(mirror, "header");
    if (header.isEmpty()) {
      header = defaultHeader(type);
      Optional<String> problem = StencilNames.headerProblem(header);
      if (problem.isPresent()) {
        throw StencilException.on(type, "the default " + problem.get() + " (the default "
            + "comes from the interface's name; set another with @Stencil(header = ...))");
      }
    }
    LibraryValues values = new LibraryValues(string(mirror, "template"), string(mirror, "cases"),
        string(mirror, "shim"), string(mirror, "helpers"), strings(mirror, "triples"),
        strings(mirror, "includes"), strings(mirror, "defines"), strings(mirror, "flags"), header,
        string(mirror, "casePattern"));
    return new StencilSpec(type, values.validate(new SourceLocator(env, type)), emitters(type));
  }

  private List<EmitterMethod> emitters(TypeElement type) throws StencilException {
    List<EmitterMethod> emitters = new ArrayList<>();
    Map<String, EmitterMethod> byCase = new HashMap<>();
    for (ExecutableElement method :
        ElementFilter.methodsIn(env.getElementUtils().getAllMembers(type))) {
      Element owner = method.getEnclosingElement();
      boolean fromObject = ((TypeElement) owner).getQualifiedName().contentEquals("java.lang.Object");
      if (fromObject || !method.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      EmitterMethod emitter = emitter(type, method);
      EmitterMethod earlier = byCase.putIfAbsent(emitter.caseName(), emitter);
      if (earlier != null) {
        throw StencilException.on(method, "method " + emitter.name() + " appends stencil "
            + emitter.caseName() + ", as method " + earlier.name() + " does: give each stencil "
            + "one method");
      }
      emitters.add(emitter);
    }
    return emitters;
  }

  private EmitterMethod emitter(TypeElement type, ExecutableElement method)
      throws StencilException {
    if (!method.getTypeParameters().isEmpty()) {
      throw StencilException.on(method, "an emitter method cannot have type parameters");
    }
    TypeMirror returnType = method.getReturnType();
    boolean returnsSelf = env.getTypeUtils().isSameType(returnType, type.asType());
    if (!returnsSelf && returnType.getKind() != TypeKind.VOID) {
      throw StencilException.on(method, "emitter method " + method.getSimpleName()
          + " must return void or " + type.getSimpleName() + ", not " + returnType);
    }
    Optional<AnnotationMirror> caseAnnotation = annotation(method, CASE);
    String caseName = caseAnnotation.isPresent()
        ? (String) caseValue(caseAnnotation.get()).getValue()
        : upperSnake(method.getSimpleName().toString());
    if (caseName.isBlank()) {
      throw StencilException.on(method, "@Case on method " + method.getSimpleName() + " names "
          + "no case: give the case's name as the cases file spells it");
    }
    List<EmitterParameter> parameters = new ArrayList<>();
    Optional<VariableElement> variant = Optional.empty();
    for (VariableElement parameter : method.getParameters()) {
      if (annotation(parameter, VARIANT).isEmpty()) {
        checkType(parameter);
        parameters.add(new EmitterParameter(parameter,
            upperSnake(parameter.getSimpleName().toString())));
        continue;
      }
      if (variant.isPresent()) {
        throw StencilException.on(parameter, "method " + method.getSimpleName() + " has two "
            + "@Variant parameters, " + variant.get().getSimpleName() + " and "
            + parameter.getSimpleName() + "; a variant case has one parameter");
      }
      if (parameter.asType().getKind() != TypeKind.INT) {
        throw StencilException.on(parameter, "parameter " + parameter.getSimpleName() + " of "
            + method.getSimpleName() + " selects a variant, so it must be an int, not "
            + parameter.asType());
      }
      variant = Optional.of(parameter);
    }
    return new EmitterMethod(method, caseName, parameters, variant, returnsSelf);
  }

  private AnnotationValue caseValue(AnnotationMirror mirror) {
    return mirror.getElementValues().values().iterator().next();
  }

  /** A hole takes a number or a label's address; the emitter fills it with the parameter. */
  private void checkType(VariableElement parameter) throws StencilException {
    TypeMirror type = parameter.asType();
    boolean label = type.getKind() == TypeKind.DECLARED && ((TypeElement) env.getTypeUtils()
        .asElement(type)).getQualifiedName().contentEquals(LABEL);
    if (type.getKind() != TypeKind.LONG && type.getKind() != TypeKind.INT && !label) {
      throw StencilException.on(parameter, "parameter " + parameter.getSimpleName()
          + " has type " + type + "; a hole takes long, int or io.stencil4j.Label");
    }
  }

  private String string(AnnotationMirror mirror, String member) {
    return (String) value(mirror, member).getValue();
  }

  private List<String> strings(AnnotationMirror mirror, String member) {
    List<String> strings = new ArrayList<>();
    for (Object entry : (List<?>) value(mirror, member).getValue()) {
      strings.add((String) ((AnnotationValue) entry).getValue());
    }
    return strings;
  }

  /**
   * {@return the header an interface without {@code @Stencil(header)} gets: its name in lower snake
   * case}
   *
   * @param type the interface
   */
  public static String defaultHeader(TypeElement type) {
    return upperSnake(type.getSimpleName().toString()).toLowerCase(Locale.ROOT);
  }

  /**
   * {@return {@code camel} in upper snake case: {@code pushConst} → {@code PUSH_CONST},
   * {@code loadHTTPValue} → {@code LOAD_HTTP_VALUE}}
   *
   * @param camel a Java method name
   */
  public static String upperSnake(String camel) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (i > 0 && Character.isUpperCase(c)) {
        char before = camel.charAt(i - 1);
        boolean wordStart = Character.isLowerCase(before) || Character.isDigit(before)
            || (i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1))
                && Character.isUpperCase(before));
        if (wordStart) {
          out.append('_');
        }
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }

  private static String article(ElementKind kind) {
    String name = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }
}

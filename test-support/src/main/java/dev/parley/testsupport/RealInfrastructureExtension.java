package dev.parley.testsupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit Jupiter extension behind {@link RealInfrastructure}; see there for what it guarantees.
 *
 * <p>Resources live in the store of the outermost test class's context, which JUnit closes after that
 * class, so cleanup happens even when tests fail. They are created before the first test of the class,
 * for every type its JUnit-invoked methods and constructors ask for, so a missing server skips or fails
 * the class as a whole instead of surfacing as a parameter resolution error in each test.
 *
 * <p>The skip is a disabled class (an {@link ExecutionCondition}) rather than an assumption aborted in
 * {@code beforeAll}: Surefire and Failsafe count a class aborted before its tests as zero tests run,
 * so it would vanish from the build's totals, whereas each test of a disabled class is reported as
 * skipped, with the reason.
 */
public final class RealInfrastructureExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RealInfrastructureExtension.class);

    private static final List<Class<?>> RESOURCE_TYPES =
            List.of(TestDatabase.class, TestRedis.class, TestKafka.class, DedicatedKafka.class);

    private static final List<Class<? extends Annotation>> INVOKED_BY_JUNIT = List.of(
            Test.class, TestTemplate.class, TestFactory.class,
            BeforeAll.class, BeforeEach.class, AfterEach.class, AfterAll.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() || context.getTestClass().isEmpty()) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        try {
            beforeAll(context);
            return ConditionEvaluationResult.enabled("the servers the class asks for are there");
        } catch (TestAbortedException missing) {
            return ConditionEvaluationResult.disabled(missing.getMessage());
        } catch (MissingInfrastructureException required) {
            // Left for beforeAll to throw as it is, so the class fails with that one message.
            return ConditionEvaluationResult.enabled("missing servers are reported by beforeAll");
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        for (Class<?> type : requestedTypes(context.getRequiredTestClass())) {
            resource(context, type);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return RESOURCE_TYPES.contains(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return resource(extensionContext, parameterContext.getParameter().getType());
    }

    private static <T> T resource(ExtensionContext context, Class<T> type) {
        ExtensionContext owner = outermostClassContext(context);
        String requester = owner.getRequiredTestClass().getSimpleName();
        return owner.getStore(NAMESPACE).computeIfAbsent(type, key -> type.cast(create(key, requester)), type);
    }

    private static Object create(Class<?> type, String requester) {
        if (type == TestDatabase.class) {
            return TestDatabase.createOn(Infrastructure.postgres(requester));
        }
        if (type == TestRedis.class) {
            return TestRedis.on(Infrastructure.redis(requester));
        }
        if (type == TestKafka.class) {
            return TestKafka.on(Infrastructure.kafka(requester));
        }
        if (type == DedicatedKafka.class) {
            return Infrastructure.startDedicatedKafka(requester);
        }
        throw new IllegalArgumentException("not a resource type: " + type.getName());
    }

    /** Nested classes share their outer class's resources: together they are one test class. */
    private static ExtensionContext outermostClassContext(ExtensionContext context) {
        ExtensionContext owner = context;
        for (var parent = context.getParent(); parent.isPresent() && parent.get().getTestClass().isPresent();
                parent = parent.get().getParent()) {
            owner = parent.get();
        }
        return owner;
    }

    static Set<Class<?>> requestedTypes(Class<?> testClass) {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Constructor<?> constructor : testClass.getDeclaredConstructors()) {
            addResourceTypes(constructor, types);
        }
        List<Method> methods = ReflectionSupport.findMethods(testClass,
                method -> INVOKED_BY_JUNIT.stream().anyMatch(annotation -> AnnotationSupport.isAnnotated(method, annotation)),
                HierarchyTraversalMode.TOP_DOWN);
        for (Method method : methods) {
            addResourceTypes(method, types);
        }
        return types;
    }

    private static void addResourceTypes(Executable executable, Set<Class<?>> types) {
        Arrays.stream(executable.getParameterTypes()).filter(RESOURCE_TYPES::contains).forEach(types::add);
    }
}

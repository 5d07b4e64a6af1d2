package dev.parley.standalone;

import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * axe-core, the npm package web/ installs as a devDependency, run in a page as it stands: the rules
 * of WCAG 2 A and AA and axe's best practices, across open shadow roots (the widget's). Serious and
 * critical violations fail the test; moderate and minor ones are printed, to be fixed when cheap.
 * The script is read from {@code web/node_modules}, so nothing is downloaded while tests run.
 */
final class Accessibility {

    private static final Path SCRIPT = Path.of("web", "node_modules", "axe-core", "axe.min.js");
    private static final List<String> FAILING = List.of("serious", "critical");
    private static final String RUN = """
            async (tags) => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return result.violations.map((v) => ({ id: v.id, impact: v.impact || 'unknown', help: v.help,
                targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
            }""";

    private static String script;

    private Accessibility() {
    }

    /**
     * Fails with every serious or critical violation on {@code page} (rule, impact, the elements'
     * selectors, what to do); {@code screen} names the page's state in the message.
     */
    static void assertNoSeriousViolations(Page page, String screen) {
        if (page.evaluate("() => typeof window.axe").equals("undefined")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(script()));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(RUN,
                List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"));
        List<Map<String, Object>> serious = violations.stream().filter(v -> FAILING.contains(v.get("impact"))).toList();
        List<Map<String, Object>> lesser = violations.stream().filter(v -> !FAILING.contains(v.get("impact"))).toList();
        if (!lesser.isEmpty()) {
            System.err.println("axe, " + screen + ", moderate or minor:\n" + describe(lesser));
        }
        if (!serious.isEmpty()) {
            fail("axe found %d serious or critical violation(s) on %s:%n%s", serious.size(), screen, describe(serious));
        }
    }

    @SuppressWarnings("unchecked")
    private static String describe(List<Map<String, Object>> violations) {
        return violations.stream().map(v -> "  %s (%s): %s%n    at %s".formatted(v.get("id"), v.get("impact"), v.get("help"),
                String.join("\n       ", (List<String>) v.get("targets")))).collect(Collectors.joining("\n"));
    }

    /** axe.min.js from web/node_modules, found from the module's or the repository's directory. */
    private static synchronized String script() {
        if (script == null) {
            Path found = null;
            for (Path dir = Path.of("").toAbsolutePath(); dir != null && found == null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(SCRIPT))) {
                    found = dir.resolve(SCRIPT);
                }
            }
            if (found == null) {
                fail("No %s above %s: run the web build (./mvnw -pl web package, or npm ci in web/) first",
                        SCRIPT, Path.of("").toAbsolutePath());
            }
            try {
                script = Files.readString(found);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}

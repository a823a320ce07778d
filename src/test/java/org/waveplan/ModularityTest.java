package org.waveplan;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The features talk to each other only through their public types, and only in the documented direction. */
class ModularityTest {

	// docs/architecture.md: delivery -> pipeline -> catalog -> schedule -> propagation; catalog, pipeline -> audio; security;
	// shared used by all; the site agent uses only delivery's manifest format; the web UI sits on top of all
	private static final Map<String, Set<String>> DIRECTION = Map.ofEntries(
			Map.entry("web", Set.of("delivery", "pipeline", "catalog", "schedule", "security", "shared")),
			Map.entry("delivery", Set.of("pipeline", "catalog", "schedule", "security", "shared")),
			Map.entry("pipeline", Set.of("catalog", "schedule", "audio", "shared")),
			Map.entry("bundles", Set.of("catalog", "pipeline", "audio", "shared")),
			Map.entry("catalog", Set.of("schedule", "audio", "security", "shared")),
			Map.entry("schedule", Set.of("propagation", "shared")),
			Map.entry("audio", Set.of("shared")),
			Map.entry("security", Set.of("shared")),
			Map.entry("propagation", Set.of("shared")),
			Map.entry("agent", Set.of("delivery :: manifest-format", "shared")),
			Map.entry("shared", Set.of()));

	private final ApplicationModules modules = ApplicationModules.of(WaveplanApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	/** So that verify() holds the direction: a module that declares nothing may depend on any other. */
	@Test
	void everyModuleDeclaresDependenciesAlongTheDocumentedDirection() {
		for (var module : modules) {
			String name = module.getName();
			var declared = module.getBasePackage().getAnnotation(ApplicationModule.class);
			assertThat(declared).as("@ApplicationModule on %s's package-info", name).isPresent();
			assertThat(DIRECTION).as("modules in the documented direction").containsKey(name);
			assertThat(declared.get().allowedDependencies()).as("what %s may use", name)
				.doesNotContain(ApplicationModule.OPEN_TOKEN)
				.allSatisfy(dependency -> assertThat(DIRECTION.get(name)).as("%s may use", name).contains(dependency));
		}
	}

	@Test
	void writesModuleDiagrams() {
		new Documenter(modules).writeModulesAsPlantUml();
	}

}

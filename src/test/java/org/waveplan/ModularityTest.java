package org.waveplan;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The features talk to each other only through their public types. */
class ModularityTest {

	private final ApplicationModules modules = ApplicationModules.of(WaveplanApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDiagrams() {
		new Documenter(modules).writeModulesAsPlantUml();
	}

}

package org.waveplan.bundles;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.waveplan.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings as Spring binds them: a deny-list string short enough to turn up by chance stops the start. */
class BundlePropertiesTest {

	private static BundleProperties bind(Map<String, String> settings) {
		return Settings.bind("waveplan.bundles", BundleProperties.class, settings);
	}

	@Test
	void forbiddenStringsAreTrimmedAndBlankOnesDropped() {
		BundleProperties settings = bind(Map.of("waveplan.bundles.forbidden-strings", " Free Korea Sound , ,fks.example"));
		assertThat(settings.forbiddenStrings()).containsExactly("Free Korea Sound", "fks.example");
		assertThat(settings.rendersAtOnce()).isEqualTo(Runtime.getRuntime().availableProcessors());
	}

	@Test
	void aForbiddenStringUnderSixCharactersIsRefusedByName() {
		assertThatThrownBy(() -> bind(Map.of("waveplan.bundles.forbidden-strings", "Free Korea Sound,FKS")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("[FKS]")
			.hasMessageContaining("6 characters or more");
	}

}

package org.waveplan.schedule;

import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.waveplan.Fixtures;

/** The shared {@link Fixtures} under the names SlotApiTest uses; to go once it uses {@code fixtures()}. */
final class ScheduleFixtures extends Fixtures {

	ScheduleFixtures(TestRestTemplate engineer) {
		super(engineer);
	}

	long create(Map<String, Object> slot) {
		return createSlot(slot);
	}

}

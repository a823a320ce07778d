package org.waveplan.schedule;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * Another broadcaster's schedule entry, imported from HFCC or EiBi: only there so that our slots
 * can be checked against it. Entries without CIRAF zones (EiBi) count as reaching every zone.
 */
@Entity
class ExternalEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String source;

	private int lineNumber;

	private double frequencyKhz;

	@Embedded
	private BroadcastTime time;

	private String targets;

	private String site;

	private String broadcaster;

	private String language;

	protected ExternalEntry() {
	}

	ExternalEntry(String source, ScheduleEntry entry) {
		this.source = source;
		this.lineNumber = entry.line();
		this.frequencyKhz = entry.frequencyKhz();
		this.time = entry.time();
		this.targets = entry.targets() == null ? null : entry.targets().expression();
		this.site = truncate(entry.siteCode(), 40);
		this.broadcaster = truncate(entry.broadcaster() != null ? entry.broadcaster() : entry.administration(), 80);
		this.language = truncate(entry.language(), 20);
	}

	/** Values in the order of the insert statement of {@link ScheduleImporter}. */
	Object[] columns() {
		return new Object[] { source, lineNumber, frequencyKhz, time.start(), time.stop(), time.days().mask(),
				time.validFrom(), time.validTo(), targets, site,
				broadcaster, language };
	}

	Emission emission() {
		CirafZones zones = targets == null ? CirafZones.ALL : CirafZones.parse(targets);
		String label = "%s line %d: %s %s kHz %s-%s".formatted(source.toUpperCase(), lineNumber,
				broadcaster == null ? "?" : broadcaster, CollisionEngine.khz(frequencyKhz), HourMinute.format(time.start()),
				HourMinute.format(time.stop()));
		return Emission.external(id, frequencyKhz, time, zones, label);
	}

	Long getId() {
		return id;
	}

	String getSource() {
		return source;
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}

package org.waveplan.schedule;

import java.time.LocalDate;

import jakarta.persistence.Column;
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

	@Column(name = "start_minute")
	private int start;

	@Column(name = "stop_minute")
	private int stop;

	private int days;

	private LocalDate validFrom;

	private LocalDate validTo;

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
		this.start = entry.time().start();
		this.stop = entry.time().stop();
		this.days = entry.time().days().mask();
		this.validFrom = entry.time().validFrom();
		this.validTo = entry.time().validTo();
		this.targets = entry.targets() == null ? null : entry.targets().expression();
		this.site = truncate(entry.siteCode(), 40);
		this.broadcaster = truncate(entry.broadcaster() != null ? entry.broadcaster() : entry.administration(), 80);
		this.language = truncate(entry.language(), 20);
	}

	/** Values in the order of the insert statement of {@link ScheduleImporter}. */
	Object[] columns() {
		return new Object[] { source, lineNumber, frequencyKhz, start, stop, days, validFrom, validTo, targets, site,
				broadcaster, language };
	}

	Emission emission() {
		BroadcastTime time = new BroadcastTime(start, stop, new Weekdays(days), validFrom, validTo);
		CirafZones zones = targets == null ? CirafZones.ALL : CirafZones.parse(targets);
		String label = "%s line %d: %s %s kHz %s-%s".formatted(source.toUpperCase(), lineNumber,
				broadcaster == null ? "?" : broadcaster, CollisionEngine.khz(frequencyKhz), Clock.format(start),
				Clock.format(stop));
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

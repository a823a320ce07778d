package org.waveplan.schedule;

import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.schedule.Transmitter.Modulation;
import org.waveplan.schedule.WaveplanFormat.SiteSpec;
import org.waveplan.shared.ProblemException;

/**
 * Imports schedule files. Our own entries pass the same rules and collision checks as slots made
 * through the API; external entries replace the earlier import of the same format. All or nothing
 * unless lenient: a refused import names every bad line and changes nothing.
 */
@Service
class ScheduleImporter {

	enum Format { HFCC, EIBI, WAVEPLAN }

	enum Scope { OWN, EXTERNAL }

	record Result(Format format, Scope scope, int imported, int rejected, List<LineError> errors, int collisions,
			List<Conflict> collisionList) {
	}

	private final SiteRepository sites;

	private final SlotRepository slots;

	private final ScheduleSnapshot snapshot;

	private final JdbcTemplate jdbc;

	private final ScheduleProperties settings;

	private final ProgramCheck programs;

	private final ApplicationEventPublisher events;

	ScheduleImporter(SiteRepository sites, SlotRepository slots, ScheduleSnapshot snapshot, JdbcTemplate jdbc,
			ScheduleProperties settings, ProgramCheck programs, ApplicationEventPublisher events) {
		this.sites = sites;
		this.slots = slots;
		this.snapshot = snapshot;
		this.jdbc = jdbc;
		this.settings = settings;
		this.programs = programs;
		this.events = events;
	}

	@Transactional
	Result importFile(Format format, Scope scope, Season season, boolean lenient, boolean allowOutOfBand, Reader in) {
		if (scope == Scope.EXTERNAL) {
			ParsedSchedule parsed = switch (format) {
				case HFCC -> HfccFormat.read(in);
				case EIBI -> EibiFormat.read(in, season);
				case WAVEPLAN -> throw ProblemException.invalid("scope",
						"Waveplan files hold our own schedule; import them with scope=own");
			};
			refuseUnlessLenient(parsed.errors(), lenient);
			return importExternal(format, parsed);
		}
		List<OwnLine> lines = new ArrayList<>();
		List<LineError> errors = new ArrayList<>();
		switch (format) {
			case HFCC -> {
				ParsedSchedule parsed = HfccFormat.read(in);
				errors.addAll(parsed.errors());
				for (ScheduleEntry entry : parsed.entries()) {
					lines.add(new OwnLine(entry, null, null, allowOutOfBand, null,
							(field, reason) -> hfccError(entry.line(), field, reason)));
				}
			}
			case WAVEPLAN -> {
				WaveplanFormat.Document doc = WaveplanFormat.read(in, season);
				errors.addAll(doc.errors());
				// sound sites are stored even when some lines are bad: a refused import rolls them back
				doc.sites().forEach(this::ensureSite);
				lines.addAll(doc.slots());
			}
			case EIBI -> throw ProblemException.invalid("scope",
					"EiBi lists other broadcasters' stations by name, not our transmitters; import it with scope=external");
		}
		return importOwn(format, lines, errors, lenient);
	}

	private Result importExternal(Format format, ParsedSchedule parsed) {
		if (parsed.entries().isEmpty()) {
			// replacing a schedule with nothing is never what was meant
			throw new ProblemException(HttpStatus.BAD_REQUEST, "schedule-file-invalid", "Schedule file refused",
					"the file holds no schedule entries; the imported " + format + " schedule is left as it was");
		}
		String source = format.name().toLowerCase();
		jdbc.update("delete from external_entry where source = ?", source);
		List<Object[]> rows = new ArrayList<>();
		for (ScheduleEntry e : parsed.entries()) {
			ExternalEntry row = new ExternalEntry(source, e);
			rows.add(row.columns());
		}
		jdbc.batchUpdate("""
				insert into external_entry (source, line_number, frequency_khz, start_minute, stop_minute, days,
				valid_from, valid_to, targets, site, broadcaster, language) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				rows);
		return new Result(format, Scope.EXTERNAL, rows.size(), parsed.errors().size(), parsed.errors(), 0, List.of());
	}

	private Result importOwn(Format format, List<OwnLine> lines, List<LineError> errors, boolean lenient) {
		LocalDate from = lines.stream().map(l -> l.entry().time().validFrom()).min(Comparator.naturalOrder())
			.orElse(LocalDate.now());
		LocalDate to = lines.stream().map(l -> l.entry().time().validTo()).max(Comparator.naturalOrder())
			.orElse(LocalDate.now());
		CollisionEngine engine = snapshot.load(new Period(from, to)).engine();
		// new slots carry provisional negative ids until they are stored
		Map<Long, Slot> accepted = new LinkedHashMap<>();
		List<Conflict> collisions = new ArrayList<>();
		for (OwnLine line : lines) {
			long provisionalId = -1 - accepted.size();
			SlotPlan plan = plan(line, engine, provisionalId, errors);
			if (plan == null) {
				continue;
			}
			Emission emission = plan.emission(provisionalId);
			collisions.addAll(engine.check(emission));
			engine.add(emission);
			accepted.put(provisionalId, new Slot(plan));
		}
		errors.sort(Comparator.comparingInt(LineError::line).thenComparingInt(LineError::column));
		refuseUnlessLenient(errors, lenient);
		slots.saveAll(accepted.values());
		events.publishEvent(new SlotsChanged(accepted.values().stream().map(Slot::getProgram).filter(Objects::nonNull)
			.collect(Collectors.toSet())));
		int limit = settings.reportLimit();
		List<Conflict> reported = collisions.stream()
			.limit(limit)
			.map(c -> new Conflict(c.type(), stored(accepted, c.slotId()),
					c.otherSlotId() == null ? null : stored(accepted, c.otherSlotId()), c.externalId(), c.reason()))
			.toList();
		return new Result(format, Scope.OWN, accepted.size(), errors.size(), errors, collisions.size(), reported);
	}

	private static long stored(Map<Long, Slot> accepted, long id) {
		return id < 0 ? accepted.get(id).getId() : id;
	}

	/** The line as a slot that passes the rules, or null with the reason added to {@code errors}. */
	private SlotPlan plan(OwnLine line, CollisionEngine engine, long id, List<LineError> errors) {
		ScheduleEntry entry = line.entry();
		Site site = entry.siteCode() == null ? null : sites.findByCode(entry.siteCode()).orElse(null);
		if (site == null) {
			errors.add(line.where().at("site", "no site '" + entry.siteCode() + "'; define it first"));
			return null;
		}
		if (line.program() != null && !programs.exists(line.program())) {
			errors.add(line.where().at("program", "no program '" + line.program() + "'"));
			return null;
		}
		double khz = entry.frequencyKhz();
		if (khz != Math.rint(khz)) {
			errors.add(line.where().at("frequency", "our slots use whole kHz, not " + khz));
			return null;
		}
		int frequency = (int) khz;
		if (!line.outOfBand()) {
			var problem = SlotRules.bandProblem(site, frequency);
			if (problem.isPresent()) {
				errors.add(line.where().at("frequency", problem.get()));
				return null;
			}
		}
		Antenna antenna = null;
		if (line.antenna() != null) {
			antenna = site.getAntennas().stream().filter(a -> a.getName().equals(line.antenna())).findFirst().orElse(null);
			if (antenna == null) {
				errors.add(line.where().at("antenna", "no antenna '" + line.antenna() + "' at " + site.getCode()));
				return null;
			}
		}
		List<Transmitter> candidates = site.getTransmitters()
			.stream()
			.filter(t -> line.transmitter() == null ? t.covers(frequency) : t.getName().equals(line.transmitter()))
			.toList();
		if (candidates.isEmpty()) {
			errors.add(line.where().at("transmitter", line.transmitter() == null
					? "no transmitter at " + site.getCode() + " tunes " + frequency + " kHz"
					: "no transmitter '" + line.transmitter() + "' at " + site.getCode()));
			return null;
		}
		String firstProblem = null;
		for (Transmitter transmitter : candidates) {
			SlotPlan plan = new SlotPlan(transmitter, antenna, frequency, entry.time(), entry.targets(), entry.azimuth(),
					entry.powerKw(), entry.language(), line.outOfBand(), line.program());
			List<Conflict> hard = new ArrayList<>(engine.check(plan.emission(id)).stream().filter(Conflict::hard).toList());
			SlotRules.antennaConflict(plan, id).ifPresent(hard::add);
			if (hard.isEmpty()) {
				return plan;
			}
			if (firstProblem == null) {
				firstProblem = hard.get(0).type() + ": " + hard.get(0).reason();
			}
		}
		String field = line.transmitter() == null ? "site" : "transmitter";
		errors.add(line.where().at(field, candidates.size() > 1
				? "no transmitter at " + site.getCode() + " is free for this slot; first: " + firstProblem : firstProblem));
		return null;
	}

	// an own HFCC line fails on its frequency or on its site and what stands there: point at those columns
	private static LineError hfccError(int line, String field, String reason) {
		return field.equals("frequency") ? new LineError(line, 1, "FREQ", reason)
				: new LineError(line, 48, "LOC", reason);
	}

	private void ensureSite(SiteSpec spec) {
		Site site = sites.findByCode(spec.code())
			.orElseGet(() -> sites.save(new Site(spec.code(), spec.name(), spec.ituRegion(), spec.latitude(),
					spec.longitude())));
		for (WaveplanFormat.TransmitterSpec t : spec.transmitters()) {
			if (site.getTransmitters().stream().noneMatch(x -> x.getName().equals(t.name()))) {
				site.getTransmitters().add(new Transmitter(site, t.name(), t.minKhz(), t.maxKhz(), t.powerKw(),
						t.retuneSeconds(), t.modulation() == null ? Modulation.AM_DSB : t.modulation()));
			}
		}
		for (WaveplanFormat.AntennaSpec a : spec.antennas()) {
			if (site.getAntennas().stream().noneMatch(x -> x.getName().equals(a.name()))) {
				site.getAntennas().add(new Antenna(site, a.name(), a.azimuth(), a.minKhz(), a.maxKhz()));
			}
		}
		sites.saveAndFlush(site);
	}

	private static void refuseUnlessLenient(List<LineError> errors, boolean lenient) {
		if (!errors.isEmpty() && !lenient) {
			LineError first = errors.get(0);
			throw new ProblemException(HttpStatus.BAD_REQUEST, "schedule-file-invalid", "Schedule file refused",
					"%d bad line(s); nothing was imported. First: line %d, column %d (%s): %s".formatted(errors.size(),
							first.line(), first.column(), first.field(), first.reason()))
				.with("errors", errors);
		}
	}

}

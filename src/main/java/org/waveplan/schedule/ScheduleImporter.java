package org.waveplan.schedule;

import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.waveplan.schedule.FieldErrors.Place;
import org.waveplan.shared.ProblemException;

/**
 * Imports schedule files. Our own entries pass the same rules ({@link SlotValidator}) and collision
 * checks as slots made through the API, and the equipment a file declares those of
 * {@link SiteService}; external entries replace the earlier import of the same format. All or
 * nothing unless lenient: a refused import names every bad line and changes nothing.
 */
@Service
class ScheduleImporter {

	enum Format {

		HFCC, EIBI, WAVEPLAN;

		/** HFCC and EiBi files are Latin-1 as published, Waveplan files UTF-8. */
		Charset charset() {
			return this == WAVEPLAN ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
		}

	}

	enum Scope { OWN, EXTERNAL }

	record Result(Format format, Scope scope, int imported, int rejected, List<LineError> errors, int collisions,
			List<Conflict> collisionList) {
	}

	private final SiteRepository sites;

	private final SiteService siteService;

	private final SlotRepository slots;

	private final SlotValidator validator;

	private final ScheduleSnapshot snapshot;

	private final JdbcTemplate jdbc;

	private final ScheduleProperties settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ScheduleImporter(SiteRepository sites, SiteService siteService, SlotRepository slots, SlotValidator validator,
			ScheduleSnapshot snapshot, JdbcTemplate jdbc, ScheduleProperties settings, ApplicationEventPublisher events,
			Clock clock) {
		this.sites = sites;
		this.siteService = siteService;
		this.slots = slots;
		this.validator = validator;
		this.snapshot = snapshot;
		this.jdbc = jdbc;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
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
			FieldErrors errors = new FieldErrors();
			errors.addAll(parsed.errors());
			errors.refuseFileUnless(lenient);
			return importExternal(format, parsed);
		}
		List<OwnLine> lines = new ArrayList<>();
		FieldErrors errors = new FieldErrors();
		switch (format) {
			case HFCC -> {
				ParsedSchedule parsed = HfccFormat.read(in);
				errors.addAll(parsed.errors());
				for (ScheduleEntry entry : parsed.entries()) {
					lines.add(new OwnLine(entry, null, null, allowOutOfBand, null,
							HfccFormat.ownLine(entry.line())));
				}
			}
			case WAVEPLAN -> {
				WaveplanFormat.Document doc = WaveplanFormat.read(in, season);
				errors.addAll(doc.errors());
				// sound sites are stored even when some lines are bad: a refused import rolls them back
				doc.sites().forEach(site -> siteService.declare(site.site(), site.transmitters(), site.antennas(), errors));
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

	private Result importOwn(Format format, List<OwnLine> lines, FieldErrors errors, boolean lenient) {
		LocalDate today = LocalDate.now(clock);
		LocalDate from = lines.stream().map(l -> l.entry().time().validFrom()).min(Comparator.naturalOrder())
			.orElse(today);
		LocalDate to = lines.stream().map(l -> l.entry().time().validTo()).max(Comparator.naturalOrder())
			.orElse(today);
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
		errors.refuseFileUnless(lenient);
		slots.saveAll(accepted.values());
		events.publishEvent(new SlotsChanged(accepted.values().stream().map(Slot::getProgram).filter(Objects::nonNull)
			.collect(Collectors.toSet())));
		int limit = settings.reportLimit();
		List<Conflict> reported = collisions.stream()
			.limit(limit)
			.map(c -> new Conflict(c.type(), stored(accepted, c.slotId()),
					c.otherSlotId() == null ? null : stored(accepted, c.otherSlotId()), c.externalId(), c.reason()))
			.toList();
		List<LineError> rejected = errors.list();
		return new Result(format, Scope.OWN, accepted.size(), rejected.size(), rejected, collisions.size(), reported);
	}

	private static long stored(Map<Long, Slot> accepted, long id) {
		return id < 0 ? accepted.get(id).getId() : id;
	}

	/** The line as a slot that passes the rules, or null with the reasons added to {@code errors}. */
	private SlotPlan plan(OwnLine line, CollisionEngine engine, long id, FieldErrors errors) {
		ScheduleEntry entry = line.entry();
		Place where = line.where();
		Site site = entry.siteCode() == null ? null : sites.findByCode(entry.siteCode()).orElse(null);
		if (site == null) {
			errors.add(where, "site", "no site '" + entry.siteCode() + "'; define it first");
			return null;
		}
		FieldErrors problems = errors.part();
		validator.program(line.program(), where, problems);
		double khz = entry.frequencyKhz();
		int frequency = (int) khz;
		if (khz != Math.rint(khz)) {
			problems.add(where, "frequencyKhz", "our slots use whole kHz, not " + khz);
		}
		else {
			SlotValidator.frequency(site, frequency, line.outOfBand(), where, problems);
		}
		Antenna antenna = line.antenna() == null ? null : SlotValidator.antenna(site, line.antenna(), where, problems);
		if (!problems.clean()) {
			return null;
		}
		List<Transmitter> candidates = site.getTransmitters()
			.stream()
			.filter(t -> line.transmitter() == null ? t.covers(frequency) : t.getName().equals(line.transmitter()))
			.toList();
		if (candidates.isEmpty()) {
			errors.add(where, "transmitter", line.transmitter() == null
					? "no transmitter at " + site.getCode() + " tunes " + frequency + " kHz"
					: "no transmitter '" + line.transmitter() + "' at " + site.getCode());
			return null;
		}
		String firstProblem = null;
		for (Transmitter transmitter : candidates) {
			SlotPlan plan = new SlotPlan(transmitter, antenna, frequency, entry.time(), entry.targets(), entry.azimuth(),
					entry.powerKw(), entry.language(), line.outOfBand(), line.program());
			List<Conflict> hard = SlotValidator.hardConflicts(engine, plan, id);
			if (hard.isEmpty()) {
				return plan;
			}
			if (firstProblem == null) {
				firstProblem = hard.get(0).type() + ": " + hard.get(0).reason();
			}
		}
		String field = line.transmitter() == null ? "site" : "transmitter";
		errors.add(where, field, candidates.size() > 1
				? "no transmitter at " + site.getCode() + " is free for this slot; first: " + firstProblem : firstProblem);
		return null;
	}


}

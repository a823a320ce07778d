package org.waveplan.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waveplan.shared.Choices;
import org.waveplan.shared.FormProblem;
import org.waveplan.shared.ProblemException;

/** The conflicts of a period, as {@code GET /api/conflicts} finds them, narrowed by type, site and band. */
@Controller
class ConflictPages {

	private final ConflictCounts conflicts;

	private final BandChart charts;

	private final ScheduleProperties settings;

	private final Clock clock;

	ConflictPages(ConflictCounts conflicts, BandChart charts, ScheduleProperties settings, Clock clock) {
		this.conflicts = conflicts;
		this.charts = charts;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A conflict of one of our slots with another of ours, an external entry or nothing (a range it cannot tune).
	 *
	 * @param band the slot's band, null out of band
	 */
	record Row(String type, boolean hard, long slotId, String slot, String site, String band, Long otherSlotId,
			String otherSlot, String external, String reason) {
	}

	/** @param total how many match the filters; {@code rows} holds the first of them up to the report limit */
	record Listing(LocalDate from, LocalDate to, int total, List<Row> rows) {
	}

	@GetMapping("/conflicts")
	String list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String type, @RequestParam(required = false) String site,
			@RequestParam(required = false) String band, HttpServletResponse response, Model model) {
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("type", blank(type) ? null : type.trim().toUpperCase(Locale.ROOT));
		model.addAttribute("site", blank(site) ? null : site.trim());
		model.addAttribute("band", blank(band) ? null : band.trim());
		model.addAttribute("types", Arrays.stream(Conflict.Type.values()).map(Enum::name).toList());
		model.addAttribute("choices", charts.choices(site));
		try {
			FieldErrors errors = new FieldErrors();
			LocalDate fromDate = errors.date("from", from);
			LocalDate toDate = errors.date("to", to);
			Conflict.Type wanted = type(errors, type);
			errors.throwIfAny();
			ConflictCounts.Checked checked = conflicts.check(Period.of(fromDate, toDate, clock));
			model.addAttribute("listing", listing(checked, wanted, (String) model.getAttribute("site"),
					(String) model.getAttribute("band")));
			return "schedule/conflicts";
		}
		catch (ProblemException e) {
			return FormProblem.show(e, model, response, "schedule/conflicts");
		}
	}

	private Listing listing(ConflictCounts.Checked checked, Conflict.Type type, String site, String band) {
		Map<Long, Slot> slots = checked.loaded().slots().stream().collect(Collectors.toMap(Slot::getId, Function.identity()));
		Map<Long, String> externals = checked.loaded()
			.external()
			.stream()
			.collect(Collectors.toMap(Emission::id, Emission::label));
		List<Conflict> all = new ArrayList<>(checked.hard());
		all.addAll(checked.report().collisions());
		List<Row> rows = new ArrayList<>();
		int total = 0;
		for (Conflict c : all) {
			Slot slot = slots.get(c.slotId());
			Slot other = c.otherSlotId() == null ? null : slots.get(c.otherSlotId());
			if ((type != null && c.type() != type) || (site != null && !at(slot, site) && !at(other, site))
					|| (band != null && !band.equalsIgnoreCase(band(slot)) && !band.equalsIgnoreCase(band(other)))) {
				continue;
			}
			if (total++ < settings.reportLimit()) {
				rows.add(new Row(c.type().name(), c.hard(), c.slotId(), slot.plan().label(c.slotId()),
						code(slot), band(slot), c.otherSlotId(), other == null ? null : other.plan().label(other.getId()),
						c.externalId() == null ? null : externals.get(c.externalId()), c.reason()));
			}
		}
		return new Listing(checked.period().from(), checked.period().to(), total, rows);
	}

	private static boolean at(Slot slot, String site) {
		return slot != null && code(slot).equalsIgnoreCase(site);
	}

	private static String code(Slot slot) {
		return slot.getTransmitter().getSite().getCode();
	}

	private static String band(Slot slot) {
		if (slot == null) {
			return null;
		}
		return BandPlan.band(slot.getTransmitter().getSite().getItuRegion(), slot.getFrequencyKhz())
			.map(FrequencyBand::name)
			.orElse(null);
	}

	private static Conflict.Type type(FieldErrors errors, String value) {
		if (blank(value)) {
			return null;
		}
		Optional<Conflict.Type> chosen = Choices.named(Conflict.Type.class, value);
		if (chosen.isEmpty()) {
			errors.add("type", Choices.noneOf(Conflict.Type.class, value));
		}
		return chosen.orElse(null);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}

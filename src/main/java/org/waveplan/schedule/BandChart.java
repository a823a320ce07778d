package org.waveplan.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.shared.ProblemException;

/**
 * A band's day as the chart page draws it: our slots and the imported entries on the air that UTC date, per
 * channel and time, with the conflicts the collision engine finds (the check of {@code GET /api/conflicts} for the
 * date, with only the external entries in reach of the band), kept where both sides are on the air that day.
 */
@Service
class BandChart {

	/** The region whose band plan names the bands when no site is chosen and none is defined. */
	private static final int DEFAULT_REGION = 3;

	private final ConflictCounts conflicts;

	private final SiteRepository sites;

	BandChart(ConflictCounts conflicts, SiteRepository sites) {
		this.conflicts = conflicts;
		this.sites = sites;
	}

	/**
	 * One airing's part of the day on a carrier, minutes {@code from} to {@code to} UTC.
	 *
	 * @param id the slot's id, or the external entry's
	 * @param conflicts what it clashes with, one line each, empty when nothing
	 */
	record Bar(long id, boolean external, double khz, int from, int to, String program, String colour, String label,
			List<String> conflicts) {
	}

	/** @param programs the programs of our bars, by slug, with their colour */
	record Chart(FrequencyBand band, int ituRegion, LocalDate date, List<Bar> bars, Map<String, String> programs, int slots, int externals, int conflicts) {
	}

	/** What the chart's form offers: our sites, and the bands of the region's plan. */
	record Choices(List<String> sites, List<String> bands) {
	}

	@Transactional(readOnly = true)
	Choices choices(String siteCode) {
		List<Site> all = sites.findAllByOrderByCode();
		Site site = all.stream().filter(s -> s.getCode().equalsIgnoreCase(String.valueOf(siteCode))).findFirst().orElse(null);
		return new Choices(all.stream().map(Site::getCode).toList(),
				BandPlan.bands(region(all, site)).stream().map(FrequencyBand::name).toList());
	}

	// the chosen site's region, else the first site's: the bands differ little from region to region
	private static int region(List<Site> all, Site site) {
		return site != null ? site.getItuRegion() : all.isEmpty() ? DEFAULT_REGION : all.get(0).getItuRegion();
	}

	@Transactional(readOnly = true)
	Chart draw(String bandName, String siteCode, LocalDate date, boolean withExternal) {
		List<Site> all = sites.findAllByOrderByCode();
		Site site = null;
		if (siteCode != null) {
			site = all.stream()
				.filter(s -> s.getCode().equalsIgnoreCase(siteCode))
				.findFirst()
				.orElseThrow(() -> ProblemException.invalid("site", "no site '" + siteCode + "'"));
		}
		int region = region(all, site);
		List<String> bandNames = BandPlan.bands(region).stream().map(FrequencyBand::name).toList();
		FrequencyBand band = BandPlan.band(region, bandName)
			.orElseThrow(() -> ProblemException.invalid("band", "no band '" + bandName + "' in ITU region " + region
					+ "'s band plan; it has " + String.join(", ", bandNames)));

		ConflictCounts.Checked checked = conflicts.checkNear(new Period(date, date), band.lowKhz(), band.highKhz());
		ScheduleSnapshot.Loaded loaded = checked.loaded();
		Map<Long, Slot> ownById = new HashMap<>();
		Map<Long, List<int[]>> ownParts = new HashMap<>();
		for (Slot slot : loaded.slots()) {
			ownById.put(slot.getId(), slot);
			List<int[]> parts = partsOn(slot.getTime(), date);
			if (!parts.isEmpty()) {
				ownParts.put(slot.getId(), parts);
			}
		}
		Map<Long, Emission> externalById = new HashMap<>();
		Map<Long, List<int[]>> externalParts = new HashMap<>();
		for (Emission e : loaded.external()) {
			externalById.put(e.id(), e);
			List<int[]> parts = partsOn(e.time(), date);
			if (!parts.isEmpty()) {
				externalParts.put(e.id(), parts);
			}
		}

		Map<Long, List<String>> ownConflicts = new HashMap<>();
		Map<Long, List<String>> externalConflicts = new HashMap<>();
		List<Conflict> found = new ArrayList<>(checked.hard());
		found.addAll(checked.report().collisions());
		List<Conflict> onDay = new ArrayList<>();
		for (Conflict c : found) {
			boolean onTheAir = ownParts.containsKey(c.slotId())
					&& (c.otherSlotId() == null || ownParts.containsKey(c.otherSlotId()))
					&& (c.externalId() == null || externalParts.containsKey(c.externalId()));
			if (!onTheAir) {
				continue;
			}
			onDay.add(c);
			String type = name(c.type());
			ownConflicts.computeIfAbsent(c.slotId(), k -> new ArrayList<>()).add(type + ": " + c.reason());
			String against = type + " with " + ownById.get(c.slotId()).plan().label(c.slotId());
			if (c.otherSlotId() != null) {
				ownConflicts.computeIfAbsent(c.otherSlotId(), k -> new ArrayList<>()).add(against);
			}
			if (c.externalId() != null) {
				externalConflicts.computeIfAbsent(c.externalId(), k -> new ArrayList<>()).add(against);
			}
		}

		List<Bar> bars = new ArrayList<>();
		Set<Long> externalsDrawn = new HashSet<>();
		if (withExternal) {
			externalParts.forEach((id, parts) -> {
				Emission e = externalById.get(id);
				if (band.contains(e.khz())) {
					externalsDrawn.add(id);
					for (int[] part : parts) {
						bars.add(new Bar(id, true, e.khz(), part[0], part[1], null, null, e.label(),
								externalConflicts.getOrDefault(id, List.of())));
					}
				}
			});
		}
		// each program of the period its own colour, the same in every band
		List<String> slugs = loaded.slots().stream().map(Slot::getProgram).filter(Objects::nonNull).distinct().sorted()
			.toList();
		Map<String, String> programs = new TreeMap<>();
		Set<Long> slotsDrawn = new HashSet<>();
		String chosenSite = site == null ? null : site.getCode();
		ownParts.forEach((id, parts) -> {
			Slot slot = ownById.get(id);
			SlotPlan plan = slot.plan();
			if (!band.contains(plan.frequencyKhz())
					|| (chosenSite != null && !plan.transmitter().getSite().getCode().equals(chosenSite))) {
				return;
			}
			slotsDrawn.add(id);
			String colour = plan.program() == null ? ChartSvg.NO_PROGRAM
					: ChartSvg.colour(Collections.binarySearch(slugs, plan.program()));
			if (plan.program() != null) {
				programs.put(plan.program(), colour);
			}
			for (int[] part : parts) {
				bars.add(new Bar(id, false, plan.frequencyKhz(), part[0], part[1], plan.program(), colour, plan.label(id),
						ownConflicts.getOrDefault(id, List.of())));
			}
		});
		// imported entries under ours, and each kind in a stable order
		bars.sort(Comparator.comparing((Bar b) -> !b.external()).thenComparingDouble(Bar::khz)
			.thenComparingInt(Bar::from).thenComparingLong(Bar::id));
		long shown = onDay.stream()
			.filter(c -> slotsDrawn.contains(c.slotId()) || slotsDrawn.contains(c.otherSlotId())
					|| externalsDrawn.contains(c.externalId()))
			.count();
		return new Chart(band, region, date, bars, programs,
				slotsDrawn.size(), externalsDrawn.size(), (int) shown);
	}

	/**
	 * The parts of the UTC date an entry is on the air, as [from, to) minutes: the airing that starts that day (up to
	 * midnight), and the end of the one that started the day before and crosses midnight.
	 */
	static List<int[]> partsOn(BroadcastTime time, LocalDate date) {
		List<int[]> parts = new ArrayList<>(2);
		if (time.crossesMidnight() && time.airingOn(date.minusDays(1)).isPresent()) {
			parts.add(new int[] { 0, time.stop() });
		}
		if (time.airingOn(date).isPresent()) {
			parts.add(new int[] { time.start(), Math.min(BroadcastTime.DAY, time.start() + time.duration()) });
		}
		return parts;
	}

	/** CO_CHANNEL as people write it: co-channel. */
	static String name(Conflict.Type type) {
		return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}

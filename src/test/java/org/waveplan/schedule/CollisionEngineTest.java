package org.waveplan.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.waveplan.schedule.AllPairsCheck.Key;
import org.waveplan.schedule.Conflict.Type;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.waveplan.schedule.BroadcastTimeTest.days;
import static org.waveplan.schedule.BroadcastTimeTest.time;

class CollisionEngineTest {

	private static final BroadcastTime MORNING = time(800, 900, Weekdays.DAILY);

	private static final BroadcastTime EVENING = time(1800, 1900, Weekdays.DAILY);

	private static final CirafZones EUROPE = CirafZones.parse("27-29");

	@Test
	void transmitterOnTwoSlotsAtOnceIsDoubleBooked() {
		Emission first = own(1, 10, 0, 9400, MORNING, EUROPE);
		Emission second = own(2, 10, 0, 9600, time(830, 930, Weekdays.DAILY), CirafZones.parse("46"));
		Emission later = own(3, 10, 0, 9400, EVENING, EUROPE);
		CollisionEngine engine = engine(List.of(first, second, later), List.of());
		assertThat(engine.checkAll().hard()).extracting(Conflict::type, Conflict::slotId, Conflict::otherSlotId)
			.containsExactly(tuple(Type.DOUBLE_BOOKED, 1L, 2L));
		assertThat(engine.check(second)).extracting(Conflict::type, Conflict::otherSlotId)
			.containsExactly(tuple(Type.DOUBLE_BOOKED, 1L));
		assertThat(engine.check(later)).isEmpty();
	}

	@Test
	void consecutiveSlotsOnDifferentFrequenciesNeedTheRetuneTime() {
		Emission first = own(1, 10, 0, 9400, MORNING, EUROPE);
		Emission tooSoon = own(2, 10, 0, 9600, time(905, 1000, Weekdays.DAILY), EUROPE);
		Emission sameFrequency = own(3, 10, 0, 9400, time(1000, 1005, Weekdays.DAILY), EUROPE);
		// exactly the retune time after the previous slot
		Emission inTime = own(4, 10, 0, 9700, time(1015, 1100, Weekdays.DAILY), EUROPE);
		ConflictReport report = engine(List.of(first, tooSoon, sameFrequency, inTime), List.of()).checkAll();
		assertThat(AllPairsCheck.keys(report)).containsExactlyInAnyOrder(
				new Key(Type.RETUNE_TOO_SHORT, 1, 2L, null), new Key(Type.RETUNE_TOO_SHORT, 2, 3L, null));
	}

	@Test
	void retuneTimeAcrossMidnightAndTheWeek() {
		Emission sunday = own(1, 10, 0, 9400, time(2200, 2400, days(SUNDAY)), EUROPE);
		Emission monday = own(2, 10, 0, 9600, time(5, 100, days(MONDAY)), EUROPE);
		assertThat(engine(List.of(sunday, monday), List.of()).checkAll().hard()).extracting(Conflict::type)
			.containsExactly(Type.RETUNE_TOO_SHORT);
	}

	@Test
	void transmitterThatRetunesAtOnceHasNoRetuneConflicts() {
		Emission first = own(1, 10, 0, 9400, MORNING, EUROPE, 0);
		Emission next = own(2, 10, 0, 9600, time(900, 1000, Weekdays.DAILY), EUROPE, 0);
		assertThat(engine(List.of(first, next), List.of()).checkAll().clean()).isTrue();
	}

	@Test
	void antennaFedByTwoTransmittersAtOnceIsShared() {
		Emission first = own(1, 10, 7, 9400, MORNING, EUROPE);
		Emission second = own(2, 11, 7, 11700, time(850, 1000, Weekdays.DAILY), CirafZones.parse("46"));
		Emission otherAntenna = own(3, 12, 8, 15200, MORNING, CirafZones.parse("57"));
		Emission noAntenna = own(4, 13, 0, 17800, MORNING, CirafZones.parse("10"));
		Emission noAntennaEither = own(5, 14, 0, 21500, MORNING, CirafZones.parse("12"));
		CollisionEngine engine = engine(List.of(first, second, otherAntenna, noAntenna, noAntennaEither), List.of());
		assertThat(engine.checkAll().hard()).extracting(Conflict::type, Conflict::slotId, Conflict::otherSlotId)
			.containsExactly(tuple(Type.ANTENNA_SHARED, 1L, 2L));
		assertThat(engine.check(noAntenna)).isEmpty();
	}

	@Test
	void frequencyOutsideTheTransmitterRangeIsRefused() {
		Emission tooHigh = new Emission(1, false, 10, 0, 26100, 5, 10, 3900, 21850, MORNING, EUROPE, "1");
		CollisionEngine engine = engine(List.of(tooHigh), List.of());
		assertThat(engine.checkAll().hard()).extracting(Conflict::type, Conflict::slotId)
			.containsExactly(tuple(Type.OUT_OF_RANGE, 1L));
		assertThat(engine.check(tooHigh)).extracting(Conflict::reason)
			.containsExactly("26100 kHz is outside the transmitter's range 3900-21850 kHz");
	}

	@Test
	void sameChannelSameTimeSameZonesIsCoChannel() {
		Emission ours = own(1, 10, 0, 9400, MORNING, CirafZones.parse("28"));
		Emission alsoOurs = own(2, 11, 0, 9400, time(845, 1000, Weekdays.DAILY), CirafZones.parse("28SE,29"));
		Emission elsewhere = own(3, 12, 0, 9400, MORNING, CirafZones.parse("28NW"));
		Emission later = own(4, 13, 0, 9400, EVENING, CirafZones.parse("28"));
		ConflictReport report = engine(List.of(ours, alsoOurs, elsewhere, later), List.of()).checkAll();
		assertThat(report.hard()).isEmpty();
		assertThat(AllPairsCheck.keys(report)).containsExactlyInAnyOrder(new Key(Type.CO_CHANNEL, 1, 2L, null),
				new Key(Type.CO_CHANNEL, 1, 3L, null));
	}

	@Test
	void nextShortWaveChannelIsAdjacent() {
		Emission ours = own(1, 10, 0, 9400, MORNING, EUROPE);
		Emission next = own(2, 11, 0, 9405, MORNING, EUROPE);
		Emission offRaster = own(3, 12, 0, 9402, MORNING, EUROPE);
		Emission twoAway = own(4, 13, 0, 9410, MORNING, EUROPE);
		ConflictReport report = engine(List.of(ours, next, offRaster, twoAway), List.of()).checkAll();
		assertThat(AllPairsCheck.keys(report.collisions())).containsExactlyInAnyOrder(
				new Key(Type.ADJACENT_CHANNEL, 1, 2L, null), new Key(Type.ADJACENT_CHANNEL, 2, 4L, null),
				new Key(Type.CO_CHANNEL, 1, 3L, null), new Key(Type.ADJACENT_CHANNEL, 2, 3L, null));
	}

	@Test
	void mediumWaveAdjacencyIsOneRasterStep() {
		Emission ours = mediumWave(1, 10, 999, 1);
		Emission next = mediumWave(2, 11, 1008, 1);
		Emission twoAway = mediumWave(3, 12, 1017, 1);
		ConflictReport report = engine(List.of(ours, next, twoAway), List.of()).checkAll();
		assertThat(AllPairsCheck.keys(report.collisions())).containsExactlyInAnyOrder(
				new Key(Type.ADJACENT_CHANNEL, 1, 2L, null), new Key(Type.ADJACENT_CHANNEL, 2, 3L, null));
		Emission region2 = mediumWave(1, 10, 1000, 2);
		Emission region2Next = mediumWave(2, 11, 1010, 2);
		assertThat(engine(List.of(region2, region2Next), List.of()).checkAll().collisions()).extracting(Conflict::type)
			.containsExactly(Type.ADJACENT_CHANNEL);
	}

	@Test
	void mixedRastersAreAdjacentWhicheverSideIsChecked() {
		// 14 kHz apart: one step on the 10 kHz raster, more than one on the 9 kHz raster
		Emission nineRaster = mediumWave(1, 10, 1026, 1);
		Emission tenRaster = mediumWave(2, 11, 1040, 2);
		Set<Key> adjacent = Set.of(new Key(Type.ADJACENT_CHANNEL, 1, 2L, null));
		CollisionEngine engine = engine(List.of(nineRaster, tenRaster), List.of());
		assertThat(AllPairsCheck.keys(engine.checkAll())).isEqualTo(adjacent);
		assertThat(AllPairsCheck.keys(engine(List.of(tenRaster, nineRaster), List.of()).checkAll()))
			.isEqualTo(adjacent);
		assertThat(AllPairsCheck.keys(engine.check(nineRaster))).isEqualTo(adjacent);
		assertThat(AllPairsCheck.keys(engine.check(tenRaster))).isEqualTo(adjacent);
	}

	@Test
	void externalEntriesCollideWithOursButNotWithEachOther() {
		Emission ours = own(1, 10, 0, 9400, MORNING, EUROPE);
		Emission theirs = Emission.external(1, 9400, time(830, 930, Weekdays.DAILY), CirafZones.ALL, "x1");
		Emission theirsNext = Emission.external(2, 9405, MORNING, CirafZones.ALL, "x2");
		Emission theirsAgain = Emission.external(3, 9400, MORNING, CirafZones.parse("27"), "x3");
		CollisionEngine engine = engine(List.of(ours), List.of(theirs, theirsNext, theirsAgain));
		assertThat(AllPairsCheck.keys(engine.checkAll())).containsExactlyInAnyOrder(
				new Key(Type.CO_CHANNEL, 1, null, 1L), new Key(Type.ADJACENT_CHANNEL, 1, null, 2L),
				new Key(Type.CO_CHANNEL, 1, null, 3L));
		// an external entry with the slot's own id is not the slot
		assertThat(engine.check(ours)).extracting(Conflict::externalId).containsExactlyInAnyOrder(1L, 2L, 3L);
	}

	@Test
	void checkSkipsTheSlotItselfAndSeesTheChangedTimes() {
		Emission slot = own(1, 10, 0, 9400, MORNING, EUROPE);
		Emission other = own(2, 11, 0, 9400, EVENING, EUROPE);
		CollisionEngine engine = engine(List.of(slot, other), List.of());
		assertThat(engine.check(slot)).isEmpty();
		Emission moved = own(1, 10, 0, 9400, time(1830, 1930, Weekdays.DAILY), EUROPE);
		assertThat(engine.check(moved)).extracting(Conflict::type, Conflict::otherSlotId)
			.containsExactly(tuple(Type.CO_CHANNEL, 2L));
	}

	@Test
	void shortDateRangesCollideOnlyOnTheirOwnDays() {
		Emission weekly = own(1, 10, 0, 9400, time(800, 900, days(SUNDAY)), EUROPE);
		Emission threeDays = own(2, 11, 0, 9400, time(800, 900, Weekdays.DAILY, "2026-04-06", "2026-04-08"), EUROPE);
		Emission overSunday = own(3, 12, 0, 9400, time(800, 900, Weekdays.DAILY, "2026-04-11", "2026-04-13"), EUROPE);
		assertThat(AllPairsCheck.keys(engine(List.of(weekly, threeDays, overSunday), List.of()).checkAll()))
			.containsExactly(new Key(Type.CO_CHANNEL, 1, 3L, null));
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void agreesWithTheAllPairsCheck(long seed) {
		Random random = new Random(seed);
		List<Emission> own = new ArrayList<>();
		List<Emission> external = new ArrayList<>();
		Transmitter[] transmitters = transmitters(random, 40);
		for (int id = 1; own.size() < 2500; id++) {
			own.add(randomSlot(random, id, transmitters[random.nextInt(transmitters.length)]));
		}
		for (int id = 1; id <= 500; id++) {
			external.add(
					Emission.external(id, randomKhz(random, 1), randomTime(random), randomZones(random), "x" + id));
		}
		CollisionEngine engine = engine(own, external);

		ConflictReport found = engine.checkAll();
		ConflictReport expected = AllPairsCheck.checkAll(own, external);
		assertThat(expected.hard()).hasSizeGreaterThan(100);
		assertThat(expected.collisions()).hasSizeGreaterThan(1000);
		assertThat(found.hard()).allMatch(Conflict::hard).hasSize(expected.hard().size());
		assertThat(found.collisions()).noneMatch(Conflict::hard).hasSize(expected.collisions().size());
		Set<Key> all = AllPairsCheck.keys(expected);
		assertThat(AllPairsCheck.keys(found)).isEqualTo(all);

		// each slot's share of the whole, found once: filtering the whole set per slot took minutes
		Map<Long, Set<Key>> bySlot = new HashMap<>();
		for (Key key : all) {
			bySlot.computeIfAbsent(key.slotId(), id -> new HashSet<>()).add(key);
			if (key.otherSlotId() != null) {
				bySlot.computeIfAbsent(key.otherSlotId(), id -> new HashSet<>()).add(key);
			}
		}
		for (Emission slot : own) {
			List<Conflict> conflicts = engine.check(slot);
			Set<Key> keys = AllPairsCheck.keys(conflicts);
			assertThat(keys).as("slot %d", slot.id()).hasSize(conflicts.size())
				.isEqualTo(AllPairsCheck.keys(AllPairsCheck.check(slot, own, external)))
				.isEqualTo(bySlot.getOrDefault(slot.id(), Set.of()));
		}
		for (int n = 0; n < 500; n++) {
			Emission slot = randomSlot(random, 100_000 + n, transmitters[random.nextInt(transmitters.length)]);
			assertThat(AllPairsCheck.keys(engine.check(slot)))
				.isEqualTo(AllPairsCheck.keys(AllPairsCheck.check(slot, own, external)));
		}
	}

	private static CollisionEngine engine(List<Emission> own, List<Emission> external) {
		return new CollisionEngine(own, external);
	}

	private static Emission own(long id, long transmitter, long antenna, double khz, BroadcastTime time,
			CirafZones targets) {
		return own(id, transmitter, antenna, khz, time, targets, 10);
	}

	private static Emission own(long id, long transmitter, long antenna, double khz, BroadcastTime time,
			CirafZones targets, int retune) {
		return new Emission(id, false, transmitter, antenna, khz, BandPlan.channelSpacingKhz(1, khz), retune, 3900,
				26100, time, targets, "slot " + id);
	}

	private static Emission mediumWave(long id, long transmitter, double khz, int region) {
		return new Emission(id, false, transmitter, 0, khz, BandPlan.channelSpacingKhz(region, khz), 10, 520, 1710,
				MORNING, EUROPE, "slot " + id);
	}

	// what one of our transmitters brings to each of its slots: its region (MW raster), retune time,
	// tuning range and the antennas of its site
	private record Transmitter(long id, int region, int retune, int minKhz, int maxKhz, long[] antennas) {
	}

	private static Transmitter[] transmitters(Random random, int count) {
		Transmitter[] transmitters = new Transmitter[count];
		for (int i = 0; i < count; i++) {
			int site = i / 4;
			long[] antennas = { 0, site * 3 + 1, site * 3 + 2, site * 3 + 3 };
			int minKhz = random.nextInt(5) == 0 ? 9420 : 500;
			int maxKhz = random.nextInt(5) == 0 ? 9440 : 26100;
			int retune = new int[] { 0, 3, 5, 10, 15 }[random.nextInt(5)];
			transmitters[i] = new Transmitter(i + 1, 1 + random.nextInt(3), retune, minKhz, maxKhz, antennas);
		}
		return transmitters;
	}

	private static Emission randomSlot(Random random, long id, Transmitter tx) {
		double khz = randomKhz(random, tx.region());
		return new Emission(id, false, tx.id(), tx.antennas()[random.nextInt(tx.antennas().length)], khz,
				BandPlan.channelSpacingKhz(tx.region(), khz), tx.retune(), tx.minKhz(), tx.maxKhz(), randomTime(random),
				randomZones(random), "slot " + id);
	}

	// a crowded stretch of 31 m, some carriers off the raster by tenths of a kHz, and a few MW channels
	// on the region's raster
	private static double randomKhz(Random random, int region) {
		int pick = random.nextInt(10);
		if (pick < 6) {
			return 9400 + 5 * random.nextInt(12);
		}
		if (pick < 8) {
			return 9400 + random.nextInt(600) / 10.0;
		}
		int raster = BandPlan.channelSpacingKhz(region, 1000);
		return (region == 2 ? 990 : 999) + raster * random.nextInt(8);
	}

	private static BroadcastTime randomTime(Random random) {
		int start = random.nextInt(4) == 0 ? random.nextInt(BroadcastTime.DAY) : 15 * random.nextInt(96);
		int stop = random.nextInt(10) == 0 ? BroadcastTime.DAY
				: (start + 15 + random.nextInt(166) - 1) % BroadcastTime.DAY + 1;
		Weekdays days = random.nextInt(3) == 0 ? Weekdays.DAILY : new Weekdays(1 + random.nextInt(0x7f));
		LocalDate seasonStart = LocalDate.of(2026, 3, 29);
		LocalDate from = seasonStart;
		LocalDate to = LocalDate.of(2026, 10, 25);
		int range = random.nextInt(5);
		if (range == 0) {
			from = seasonStart.plusDays(random.nextInt(40));
			to = from.plusDays(random.nextInt(9));
		}
		else if (range == 1) {
			from = seasonStart.plusDays(random.nextInt(60));
			to = from.plusDays(random.nextInt(60));
		}
		return new BroadcastTime(start, stop, days, from, to);
	}

	private static final String[] ZONES = { "27", "28", "27-29", "28NE", "28SW", "28S", "29,37", "37-39", "46",
			"46-48", "47NW", "57", "1-85" };

	private static CirafZones randomZones(Random random) {
		return CirafZones.parse(ZONES[random.nextInt(ZONES.length)]);
	}

}

package org.waveplan.schedule;

import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.waveplan.schedule.FieldErrors.Place;
import org.waveplan.schedule.SiteService.AntennaRequest;
import org.waveplan.schedule.SiteService.Declared;
import org.waveplan.schedule.SiteService.SiteRequest;
import org.waveplan.schedule.SiteService.TransmitterRequest;
import org.waveplan.schedule.Transmitter.Modulation;

/**
 * Waveplan's own schedule file: YAML that an engineer can read and edit, with the sites and their
 * equipment and then the slots (see {@code schedules/demo.yaml}). Every problem is reported at the
 * line and column of the value that causes it; unknown keys are problems too, so a typo is never
 * silently dropped.
 */
final class WaveplanFormat {

	/** A site with its equipment as the file gives them, not yet checked against the rules. */
	record SiteSpec(Declared<SiteRequest> site, List<Declared<TransmitterRequest>> transmitters,
			List<Declared<AntennaRequest>> antennas) {
	}

	record Document(List<SiteSpec> sites, List<OwnLine> slots, List<LineError> errors) {
	}

	/** The API's names of a slot's fields that this file calls otherwise. */
	private static final Map<String, String> SLOT_KEYS = Map.of("frequencyKhz", "frequency", "validFrom", "from",
			"validTo", "to", "powerKw", "power");

	private WaveplanFormat() {
	}

	/** Reads a file; slots without dates take those of the file's {@code season}, else of {@code season}. */
	static Document read(Reader in, Season season) {
		FieldErrors errors = new FieldErrors();
		Node root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(in);
		}
		catch (MarkedYAMLException e) {
			Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
			errors.add(new LineError(mark.getLine() + 1, mark.getColumn() + 1, "yaml", e.getProblem()));
			return new Document(List.of(), List.of(), errors.list());
		}
		if (root == null) {
			return new Document(List.of(), List.of(), errors.list());
		}
		Fields top = Fields.of(root, "file", errors);
		if (top == null) {
			return new Document(List.of(), List.of(), errors.list());
		}
		String seasonName = top.text("season", false);
		if (seasonName != null) {
			try {
				season = Season.parse(seasonName);
			}
			catch (IllegalArgumentException e) {
				top.error("season", e.getMessage());
			}
		}
		List<SiteSpec> sites = new ArrayList<>();
		for (Fields site : top.list("sites")) {
			SiteSpec spec = site(site);
			if (spec != null) {
				sites.add(spec);
			}
		}
		List<OwnLine> slots = new ArrayList<>();
		for (Fields slot : top.list("slots")) {
			OwnLine line = slot(slot, season);
			if (line != null) {
				slots.add(line);
			}
		}
		top.onlyKnown("season", "sites", "slots");
		return new Document(sites, slots, errors.list());
	}

	private static SiteSpec site(Fields f) {
		String code = f.text("code", true);
		String name = f.text("name", true);
		Integer region = f.integer("region", true);
		Double latitude = f.decimal("latitude", true);
		Double longitude = f.decimal("longitude", true);
		List<Declared<TransmitterRequest>> transmitters = new ArrayList<>();
		for (Fields t : f.list("transmitters")) {
			String txName = t.text("name", true);
			Integer min = t.integer("minKhz", true);
			Integer max = t.integer("maxKhz", true);
			Integer power = t.integer("powerKw", true);
			Integer retune = t.integer("retuneSeconds", false);
			String modulation = t.text("modulation", false);
			Modulation mod = null;
			if (modulation != null) {
				try {
					mod = Modulation.valueOf(modulation);
				}
				catch (IllegalArgumentException e) {
					t.error("modulation", "must be AM_DSB or DRM");
				}
			}
			t.onlyKnown("name", "minKhz", "maxKhz", "powerKw", "retuneSeconds", "modulation");
			if (t.clean()) {
				transmitters.add(new Declared<>(new TransmitterRequest(txName, min, max, power, retune, mod), t::locate));
			}
		}
		List<Declared<AntennaRequest>> antennas = new ArrayList<>();
		for (Fields a : f.list("antennas")) {
			String antName = a.text("name", true);
			Integer azimuth = a.integer("azimuth", true);
			Integer min = a.integer("minKhz", true);
			Integer max = a.integer("maxKhz", true);
			Double gain = a.decimal("gainDbi", false);
			a.onlyKnown("name", "azimuth", "minKhz", "maxKhz", "gainDbi");
			if (a.clean()) {
				antennas.add(new Declared<>(new AntennaRequest(antName, azimuth, min, max, gain), a::locate));
			}
		}
		f.onlyKnown("code", "name", "region", "latitude", "longitude", "transmitters", "antennas");
		Place where = (field, reason) -> f.locate(field.equals("ituRegion") ? "region" : field, reason);
		return f.clean() ? new SiteSpec(new Declared<>(new SiteRequest(code, name, region, latitude, longitude), where),
				transmitters, antennas) : null;
	}

	private static OwnLine slot(Fields f, Season season) {
		String site = f.text("site", true);
		String transmitter = f.text("transmitter", true);
		String antenna = f.text("antenna", false);
		Integer khz = f.integer("frequency", true);
		int start = f.time("start");
		int stop = f.time("stop");
		Weekdays days = f.days("days");
		LocalDate from = f.date("from");
		LocalDate to = f.date("to");
		CirafZones targets = f.zones("targets");
		Integer azimuth = f.integer("azimuth", false);
		Integer power = f.integer("power", false);
		String language = f.text("language", false);
		Boolean outOfBand = f.bool("outOfBand");
		String program = f.text("program", false);
		f.onlyKnown("site", "transmitter", "antenna", "frequency", "start", "stop", "days", "from", "to", "targets",
				"azimuth", "power", "language", "outOfBand", "program");
		if (!f.clean()) {
			return null;
		}
		// problems with our slot's fields, named as in the API, point at this file's keys
		Place where = (field, reason) -> f.locate(SLOT_KEYS.getOrDefault(field, field), reason);
		BroadcastTime time = SlotValidator.time(start, stop, days, from != null ? from : season.firstDay(),
				to != null ? to : season.lastDay(), where, f.errors);
		if (time == null) {
			return null;
		}
		ScheduleEntry entry = new ScheduleEntry(f.line(), khz, time, targets, site, power, azimuth, null, language, null,
				null, "D");
		return new OwnLine(entry, transmitter, antenna, Boolean.TRUE.equals(outOfBand), program, where);
	}

	/** Writes sites with their equipment and the given slots, in the layout {@link #read} takes. */
	static String write(List<Site> sites, List<Slot> slots) {
		Map<String, Object> doc = new LinkedHashMap<>();
		List<Object> siteList = new ArrayList<>();
		for (Site site : sites) {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("code", site.getCode());
			s.put("name", site.getName());
			s.put("region", site.getItuRegion());
			s.put("latitude", site.getLatitude());
			s.put("longitude", site.getLongitude());
			s.put("transmitters", site.getTransmitters().stream().map(t -> ordered("name", t.getName(), "minKhz",
					t.getMinKhz(), "maxKhz", t.getMaxKhz(), "powerKw", t.getPowerKw(), "retuneSeconds",
					t.getRetuneSeconds(), "modulation", t.getModulation().name())).toList());
			s.put("antennas", site.getAntennas().stream().map(a -> ordered("name", a.getName(), "azimuth",
					a.getAzimuth(), "minKhz", a.getMinKhz(), "maxKhz", a.getMaxKhz(), "gainDbi",
					a.getGainDbi() == 0 ? null : a.getGainDbi())).toList());
			siteList.add(s);
		}
		doc.put("sites", siteList);
		List<Object> slotList = new ArrayList<>();
		for (Slot slot : slots) {
			SlotPlan plan = slot.plan();
			BroadcastTime time = plan.time();
			slotList.add(ordered("site", plan.transmitter().getSite().getCode(), "transmitter",
					plan.transmitter().getName(), "antenna", plan.antenna() == null ? null : plan.antenna().getName(),
					"frequency", plan.frequencyKhz(), "start", HourMinute.format(time.start()), "stop",
					HourMinute.format(time.stop()), "days", time.days().equals(Weekdays.DAILY) ? "daily"
							: time.days().days().stream().map(DayOfWeek::name).toList(),
					"from", time.validFrom().toString(), "to", time.validTo().toString(), "targets",
					plan.targets().expression(), "azimuth", plan.azimuth(), "power", plan.powerKw(), "language",
					plan.language(), "outOfBand", plan.outOfBand() ? true : null, "program", plan.program()));
		}
		doc.put("slots", slotList);
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(0);
		return "# Waveplan schedule\n" + new Yaml(options).dump(doc);
	}

	// keys in the given order, null values left out
	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			if (keysAndValues[i + 1] != null) {
				map.put((String) keysAndValues[i], keysAndValues[i + 1]);
			}
		}
		return map;
	}

	/** The fields of one YAML mapping, read with errors at the place of each value. */
	private static final class Fields {

		private final MappingNode node;

		private final Map<String, Node> values = new LinkedHashMap<>();

		private final FieldErrors errors;

		private Fields(MappingNode node, FieldErrors errors) {
			this.node = node;
			this.errors = errors.part();
			for (NodeTuple tuple : node.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key) {
					values.put(key.getValue(), tuple.getValueNode());
				}
			}
		}

		static Fields of(Node node, String what, FieldErrors errors) {
			if (node instanceof MappingNode mapping) {
				return new Fields(mapping, errors);
			}
			errors.add(error(node, what, "expected a mapping of keys to values"));
			return null;
		}

		int line() {
			return node.getStartMark().getLine() + 1;
		}

		boolean clean() {
			return errors.clean();
		}

		LineError locate(String field, String reason) {
			Node at = values.getOrDefault(field, node);
			return error(at, field, reason);
		}

		void error(String field, String reason) {
			errors.add(locate(field, reason));
		}

		void onlyKnown(String... known) {
			Set<String> allowed = Set.of(known);
			for (String key : values.keySet()) {
				if (!allowed.contains(key)) {
					errors.add(error(keyNode(key), key, "unknown key '" + key + "'; expected one of " + String.join(", ", known)));
				}
			}
		}

		List<Fields> list(String key) {
			Node value = values.get(key);
			if (value == null) {
				return List.of();
			}
			if (!(value instanceof SequenceNode sequence)) {
				error(key, "expected a list");
				return List.of();
			}
			List<Fields> items = new ArrayList<>();
			for (Node item : sequence.getValue()) {
				Fields fields = of(item, key, errors);
				if (fields != null) {
					items.add(fields);
				}
			}
			return items;
		}

		String text(String key, boolean required) {
			Node value = values.get(key);
			if (value == null) {
				if (required) {
					error(key, "'" + key + "' is required");
				}
				return null;
			}
			if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
				return scalar.getValue().trim();
			}
			error(key, "expected a single value");
			return null;
		}

		Integer integer(String key, boolean required) {
			String text = text(key, required);
			try {
				return text == null ? null : Integer.valueOf(text);
			}
			catch (NumberFormatException e) {
				error(key, "'" + text + "' is not a whole number");
				return null;
			}
		}

		Double decimal(String key, boolean required) {
			String text = text(key, required);
			try {
				return text == null ? null : Double.valueOf(text);
			}
			catch (NumberFormatException e) {
				error(key, "'" + text + "' is not a number");
				return null;
			}
		}

		Boolean bool(String key) {
			String text = text(key, false);
			if (text == null || text.equals("true") || text.equals("false")) {
				return text == null ? null : Boolean.valueOf(text);
			}
			error(key, "must be true or false");
			return null;
		}

		int time(String key) {
			String text = text(key, true);
			try {
				return text == null ? 0 : HourMinute.parse(text);
			}
			catch (IllegalArgumentException e) {
				error(key, e.getMessage());
				return 0;
			}
		}

		LocalDate date(String key) {
			String text = text(key, false);
			try {
				return text == null ? null : LocalDate.parse(text);
			}
			catch (DateTimeParseException e) {
				error(key, "'" + text + "' is not a date YYYY-MM-DD");
				return null;
			}
		}

		CirafZones zones(String key) {
			String text = text(key, true);
			try {
				return text == null ? null : CirafZones.parse(text);
			}
			catch (CirafZones.CirafSyntaxException e) {
				Node at = values.get(key);
				errors.add(new LineError(at.getStartMark().getLine() + 1,
						at.getStartMark().getColumn() + 1 + e.position() + quoteOffset(at), key, e.getMessage()));
				return null;
			}
		}

		/** {@code daily} (the default), or a list of ISO day names or their first three letters. */
		Weekdays days(String key) {
			Node value = values.get(key);
			if (value == null || (value instanceof ScalarNode s && s.getValue().trim().equalsIgnoreCase("daily"))) {
				return Weekdays.DAILY;
			}
			if (!(value instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
				error(key, "expected 'daily' or a list of days such as [MONDAY, WEDNESDAY]");
				return Weekdays.DAILY;
			}
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			for (Node item : sequence.getValue()) {
				DayOfWeek day = item instanceof ScalarNode s ? day(s.getValue()) : null;
				if (day == null) {
					errors.add(error(item, key, "not a day of the week; use MONDAY ... SUNDAY or MON ... SUN"));
				}
				else {
					days.add(day);
				}
			}
			return days.isEmpty() ? Weekdays.DAILY : Weekdays.of(days);
		}

		private static DayOfWeek day(String name) {
			String upper = name.trim().toUpperCase();
			for (DayOfWeek d : DayOfWeek.values()) {
				if (d.name().equals(upper) || (upper.length() == 3 && d.name().startsWith(upper))) {
					return d;
				}
			}
			return null;
		}

		private Node keyNode(String key) {
			return node.getValue()
				.stream()
				.map(NodeTuple::getKeyNode)
				.filter(k -> k instanceof ScalarNode s && s.getValue().equals(key))
				.findFirst()
				.orElse(node);
		}

		private static int quoteOffset(Node node) {
			return node instanceof ScalarNode s && s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN ? 1 : 0;
		}

		private static LineError error(Node at, String field, String reason) {
			return new LineError(at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1, field, reason);
		}

	}

}

package org.waveplan.propagation;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Point-to-point predictions as engineers ask them: from a site (or a place) to a place or every test point of a
 * CIRAF zone, in JSON or, with {@code Accept: text/csv}, one row per point, hour and frequency.
 */
@RestController
@RequestMapping("/api/propagation/circuit")
class CircuitController {

	static final String CSV = "text/csv";

	private final TargetPredictions predictions;

	private final SunspotNumbers sunspots;

	private final TransmitterSites sites;

	private final Clock clock;

	CircuitController(TargetPredictions predictions, SunspotNumbers sunspots, TransmitterSites sites, Clock clock) {
		this.predictions = predictions;
		this.sunspots = sunspots;
		this.clock = clock;
		this.sites = sites;
	}

	/**
	 * The query as written: {@code site} (with {@code transmitter}, {@code antenna}) or {@code from=lat,lon};
	 * {@code to=lat,lon} or {@code zone}; {@code month} yyyy-MM (default this month), {@code ssn} (default the
	 * month's), {@code hours} (default 0-23), {@code freqs} MHz, {@code powerKw} (default the site's transmitter's).
	 */
	record CircuitQuery(String site, String transmitter, String antenna, String from, String to, String zone,
			String month, String ssn, String hours, String freqs, String powerKw) {
	}

	/** Where the prediction is from, with what. */
	record Origin(String site, String transmitter, String antenna, double latitude, double longitude, double powerKw,
			double transmitGainDbi) {
	}

	/** A receiver: a test point of the zone (its zone, quadrant and number) or the place asked. */
	record Receiver(Integer zone, String quadrant, Integer number, double latitude, double longitude, double distanceKm,
			List<CircuitPrediction.Hour> hours) {
	}

	/**
	 * @param hours per hour the receivers' median MUF and FOT, per frequency their median and worst reliability
	 * @param overall per frequency over all the hours (a receiver's reliability: the mean of its hours')
	 */
	record Answer(Origin transmitter, String month, double ssn, List<Integer> utcHours, List<Double> frequencies,
			List<Receiver> receivers, List<TargetPrediction.Hour> hours, List<TargetPrediction.Frequency> overall) {
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Answer circuit(CircuitQuery query) {
		return predict(query);
	}

	@GetMapping(produces = CSV)
	String csv(CircuitQuery query) {
		return csv(predict(query));
	}

	/** One row per receiver, hour and frequency; a figure the engine has none of is an empty cell. */
	static String csv(Answer answer) {
		StringBuilder csv = new StringBuilder(
				"zone,quadrant,point,latitude,longitude,distance_km,utc_hour,muf,fot,hpf,mhz,mode,reliability,snr_db,signal_dbw\r\n");
		for (Receiver receiver : answer.receivers()) {
			for (CircuitPrediction.Hour hour : receiver.hours()) {
				for (CircuitPrediction.Frequency f : hour.frequencies()) {
					csv.append(String.format(Locale.ROOT, "%s,%s,%s,%.2f,%.2f,%.1f,%d,%.2f,%.2f,%.2f,%.3f,%s,%.3f,%s,%s\r\n",
							receiver.zone() == null ? "" : receiver.zone(), receiver.quadrant() == null ? "" : receiver.quadrant(),
							receiver.number() == null ? "" : receiver.number(), receiver.latitude(), receiver.longitude(),
							receiver.distanceKm(), hour.utcHour(), hour.muf(), hour.fot(), hour.hpf(), f.mhz(), f.mode(),
							f.reliability(), tenths(f.snrDb()), tenths(f.signalDbw())));
				}
			}
		}
		return csv.toString();
	}

	private static String tenths(Double value) {
		return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
	}

	private Answer predict(CircuitQuery query) {
		PredictionParameters read = new PredictionParameters();
		boolean bySite = query.site() != null && !query.site().isBlank();
		GeoPoint from = null;
		if (bySite == (query.from() != null)) {
			read.add("site", "give either site (a site's code) or from (latitude,longitude), not both");
		}
		else if (!bySite) {
			from = read.place("from", query.from());
			if (query.antenna() != null || query.transmitter() != null) {
				read.add(query.antenna() != null ? "antenna" : "transmitter", "only with site");
			}
			if (query.powerKw() == null) {
				read.add("powerKw", "give the transmitter's power in kW with from");
			}
		}
		GeoPoint to = null;
		List<CirafTestPoint> zone = null;
		if ((query.to() == null) == (query.zone() == null)) {
			read.add("to", "give either to (latitude,longitude) or zone (a CIRAF zone 1-85), not both");
		}
		else if (query.to() != null) {
			to = read.place("to", query.to());
		}
		else {
			zone = read.zone("zone", query.zone());
		}
		YearMonth month = read.month("month", query.month(), clock);
		Double ssn = read.ssn("ssn", query.ssn());
		List<Integer> hours = read.hours("hours", query.hours());
		List<Double> frequencies = read.frequencies("freqs", query.freqs(), Circuit.MAX_FREQUENCIES);
		Double powerKw = query.powerKw() == null ? null : read.powerKw("powerKw", query.powerKw());
		read.throwIfAny();

		Origin origin = bySite ? origin(query, powerKw, read) : new Origin(null, null, null, from.latitude(),
				from.longitude(), powerKw, 0);
		read.throwIfAny();
		double monthSsn = sunspots.of(month, ssn);
		List<GeoPoint> receivers = to != null ? List.of(to) : zone.stream().map(CirafTestPoint::position).toList();
		TargetPrediction prediction = predictions.predict(new TargetPredictions.Target(
				new GeoPoint(origin.latitude(), origin.longitude()), receivers, month.getMonthValue(), monthSsn, hours,
				frequencies, origin.powerKw(), origin.transmitGainDbi()));
		List<Receiver> answered = new ArrayList<>();
		for (int i = 0; i < receivers.size(); i++) {
			CirafTestPoint point = zone == null ? null : zone.get(i);
			CircuitPrediction circuit = prediction.points().get(i).prediction();
			answered.add(new Receiver(point == null ? null : point.zone(), point == null ? null : point.quadrant(),
					point == null ? null : point.number(), receivers.get(i).latitude(), receivers.get(i).longitude(),
					circuit.distanceKm(), circuit.hours()));
		}
		return new Answer(origin, month.toString(), monthSsn, hours, frequencies, answered, prediction.hours(),
				frequencies.stream().map(prediction::overall).toList());
	}

	// the site's named transmitter's power, else its strongest's; the named antenna's gain, else isotropic
	private Origin origin(CircuitQuery query, Double powerKw, PredictionParameters read) {
		TransmitterSites.Site site = sites.find(query.site().trim()).orElse(null);
		if (site == null) {
			return read.add("site", "no site '" + query.site() + "'");
		}
		Map<String, Integer> powers = site.transmitterPowerKw();
		String transmitter = query.transmitter();
		if (transmitter != null && !powers.containsKey(transmitter)) {
			read.add("transmitter", "no transmitter '" + transmitter + "' at " + site.code());
		}
		else if (transmitter == null && powerKw == null) {
			transmitter = powers.entrySet()
				.stream()
				.max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
				.map(Map.Entry::getKey)
				.orElse(null);
			if (transmitter == null) {
				read.add("powerKw", "site " + site.code() + " has no transmitter: give powerKw");
			}
		}
		Double gain = query.antenna() == null ? Double.valueOf(0) : site.antennaGainDbi().get(query.antenna());
		if (gain == null) {
			read.add("antenna", "no antenna '" + query.antenna() + "' at " + site.code());
		}
		if (powerKw == null && transmitter != null && powers.containsKey(transmitter)) {
			powerKw = powers.get(transmitter).doubleValue();
		}
		return powerKw == null || gain == null ? null : new Origin(site.code(), transmitter, query.antenna(),
				site.position().latitude(), site.position().longitude(), powerKw, gain);
	}

}

package org.waveplan.schedule;

/**
 * A transmission's hours on the air (minutes of the day; stop before start goes over midnight) and its targets, as a
 * query writes them: {@code start} and {@code stop} HH:MM, {@code targets} a CIRAF expression.
 */
record AirTime(int start, int stop, CirafZones targets) {

	/** The fields read, their problems added to {@code errors} (the answer's fields then are -1 or null). */
	static AirTime parse(String start, String stop, String targets, FieldErrors errors) {
		int startMinute = errors.minutes("start", start);
		int stopMinute = errors.minutes("stop", stop);
		CirafZones zones = errors.zones("targets", targets);
		if (startMinute >= 0 && (startMinute == stopMinute || startMinute == BroadcastTime.DAY)) {
			errors.add("stop", "start and stop must differ and start cannot be 24:00");
		}
		return new AirTime(startMinute, stopMinute, zones);
	}

}

package org.waveplan.propagation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A month's smoothed sunspot number, to one decimal, and who set it when. */
@Entity
class SunspotNumber {

	/** The month as {@code yyyy-MM}. */
	@Id
	private String monthKey;

	private BigDecimal ssn;

	private String setBy;

	private Instant setAt;

	protected SunspotNumber() {
	}

	SunspotNumber(YearMonth month) {
		this.monthKey = month.toString();
	}

	void set(double ssn, String by, Instant at) {
		this.ssn = BigDecimal.valueOf(ssn).setScale(1, RoundingMode.HALF_UP);
		this.setBy = by;
		this.setAt = at;
	}

	YearMonth month() {
		return YearMonth.parse(monthKey);
	}

	double ssn() {
		return ssn.doubleValue();
	}

	String setBy() {
		return setBy;
	}

	Instant setAt() {
		return setAt;
	}

}

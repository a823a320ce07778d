package org.waveplan.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import org.waveplan.schedule.ProgramSlot;

/**
 * One concrete occurrence of a slot: when, where, on which frequency, and the episode it carries.
 * Its broadcast day is the UTC date it starts on, also when it runs past midnight.
 */
@Entity
class Airing {

	/** How the episode fits the airing: the pipeline trims an overrun with a fade and fills a gap. */
	enum Fit { FITS, OVERRUN, GAP, UNASSIGNED }

	// an episode within a second of the airing's length fits
	private static final Duration TOLERANCE = Duration.ofSeconds(1);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long slotId;

	private String program;

	private String site;

	private String transmitter;

	private int frequencyKhz;

	private LocalDate broadcastDate;

	private Instant startsAt;

	private Instant stopsAt;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "episode_id")
	private Episode episode;

	private Long queueEntryId;

	@Enumerated(EnumType.STRING)
	private Fit fit = Fit.UNASSIGNED;

	private int fitSeconds;

	@Version
	private long version;

	protected Airing() {
	}

	Airing(ProgramSlot slot, LocalDate day, Instant startsAt) {
		this.slotId = slot.slotId();
		this.broadcastDate = day;
		this.startsAt = startsAt;
		follow(slot);
	}

	/** Takes over what the slot says now: its program, transmitter, frequency and length. */
	void follow(ProgramSlot slot) {
		this.program = slot.program();
		this.site = slot.site();
		this.transmitter = slot.transmitter();
		this.frequencyKhz = slot.frequencyKhz();
		this.stopsAt = startsAt.plus(Duration.ofMinutes(slot.time().duration()));
	}

	void carry(Episode episode, Long queueEntryId) {
		this.episode = episode;
		this.queueEntryId = queueEntryId;
		if (episode == null) {
			this.fit = Fit.UNASSIGNED;
			this.fitSeconds = 0;
			return;
		}
		Duration difference = episode.duration().minus(Duration.between(startsAt, stopsAt));
		this.fit = difference.abs().compareTo(TOLERANCE) <= 0 ? Fit.FITS
				: difference.isNegative() ? Fit.GAP : Fit.OVERRUN;
		this.fitSeconds = (int) difference.abs().toSeconds();
	}

	boolean startedBy(Instant now) {
		return !startsAt.isAfter(now);
	}

	Long getId() {
		return id;
	}

	long getSlotId() {
		return slotId;
	}

	String getProgram() {
		return program;
	}

	String getSite() {
		return site;
	}

	String getTransmitter() {
		return transmitter;
	}

	int getFrequencyKhz() {
		return frequencyKhz;
	}

	LocalDate getBroadcastDate() {
		return broadcastDate;
	}

	Instant getStartsAt() {
		return startsAt;
	}

	Instant getStopsAt() {
		return stopsAt;
	}

	Episode getEpisode() {
		return episode;
	}

	Long getQueueEntryId() {
		return queueEntryId;
	}

	Fit getFit() {
		return fit;
	}

	int getFitSeconds() {
		return fitSeconds;
	}

}

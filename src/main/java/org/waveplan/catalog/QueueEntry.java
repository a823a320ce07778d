package org.waveplan.catalog;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * An episode waiting in its program's queue. A pinned entry airs on its date; the others air in
 * order, one per broadcast day. Once its day has begun on air the entry is marked aired and leaves
 * the queue.
 */
@Entity
class QueueEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "program_id")
	private Program program;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "episode_id")
	private Episode episode;

	private int position;

	private LocalDate pinnedDate;

	private LocalDate airedOn;

	protected QueueEntry() {
	}

	QueueEntry(Program program, Episode episode, int position, LocalDate pinnedDate) {
		this.program = program;
		this.episode = episode;
		this.position = position;
		this.pinnedDate = pinnedDate;
	}

	Long getId() {
		return id;
	}

	Program getProgram() {
		return program;
	}

	Episode getEpisode() {
		return episode;
	}

	int getPosition() {
		return position;
	}

	void setPosition(int position) {
		this.position = position;
	}

	LocalDate getPinnedDate() {
		return pinnedDate;
	}

	void setPinnedDate(LocalDate pinnedDate) {
		this.pinnedDate = pinnedDate;
	}

	void aired(LocalDate day) {
		this.airedOn = day;
	}

}

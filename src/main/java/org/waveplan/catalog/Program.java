package org.waveplan.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A program a producer makes: a news hour, a language course, a drama serial. */
@Entity
class Program {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String title;

	private String language;

	private String owner;

	private int targetDurationSeconds;

	protected Program() {
	}

	Program(String slug, String title, String language, String owner, int targetDurationSeconds) {
		this.slug = slug;
		this.owner = owner;
		update(title, language, targetDurationSeconds);
	}

	void update(String title, String language, int targetDurationSeconds) {
		this.title = title;
		this.language = language;
		this.targetDurationSeconds = targetDurationSeconds;
	}

	Long getId() {
		return id;
	}

	String getSlug() {
		return slug;
	}

	String getTitle() {
		return title;
	}

	String getLanguage() {
		return language;
	}

	String getOwner() {
		return owner;
	}

	int getTargetDurationSeconds() {
		return targetDurationSeconds;
	}

}

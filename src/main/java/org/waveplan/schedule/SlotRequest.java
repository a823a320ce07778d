package org.waveplan.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A slot as the API takes it. Days default to every day, dates to the season in force at
 * {@code validFrom} (or today). {@code program} binds the slot to a program of the catalog.
 */
record SlotRequest(@NotBlank String site, @NotBlank String transmitter, String antenna,
		@NotNull @Positive Integer frequencyKhz, @NotBlank String start, @NotBlank String stop, Set<DayOfWeek> days,
		LocalDate validFrom, LocalDate validTo, @NotBlank String targets, @Min(0) @Max(359) Integer azimuth,
		@Positive Integer powerKw, @Size(max = 20) String language, boolean outOfBand, @Size(max = 60) String program) {
}

package org.waveplan.shared;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.MutablePropertyValues;
import org.springframework.validation.DataBinder;

import static org.assertj.core.api.Assertions.assertThat;

/** A form's field errors as the API's problem. */
class FormProblemTest {

	/** A bound form of the pages: its numbers arrive as text. */
	public static class Antenna {

		private Integer azimuth;

		private Integer minKhz;

		public Integer getAzimuth() {
			return azimuth;
		}

		public void setAzimuth(Integer azimuth) {
			this.azimuth = azimuth;
		}

		public Integer getMinKhz() {
			return minKhz;
		}

		public void setMinKhz(Integer minKhz) {
			this.minKhz = minKhz;
		}

	}

	@Test
	void aValueThatCannotBeReadIsNamedAsTheApiNamesItNotByTheConvertersJava() {
		DataBinder binder = new DataBinder(new Antenna(), "form");
		binder.bind(new MutablePropertyValues(Map.of("azimuth", "NE", "minKhz", "-1")));
		binder.getBindingResult().rejectValue("minKhz", "Positive", "must be greater than 0");

		assertThat(FormProblem.of(binder.getBindingResult()).toProblemDetail().getProperties()).containsEntry("errors",
				List.of(Map.of("field", "azimuth", "reason", "'NE' is not a valid value"),
						Map.of("field", "minKhz", "reason", "must be greater than 0")));
	}

}

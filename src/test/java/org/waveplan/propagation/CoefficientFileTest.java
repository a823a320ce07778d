package org.waveplan.propagation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.waveplan.SharedData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoefficientFileTest {

	/** The packaged files are VOACAP's, byte for byte (src/main/resources/propagation/README.md). */
	@Test
	void packagedFilesAreTheSharedOnes() throws IOException {
		for (int month = 1; month <= 12; month++) {
			assertSame("coeff%02d.asc".formatted(month));
		}
		assertSame("fof2CCIR.asc");
	}

	private static void assertSame(String name) throws IOException {
		byte[] shared = Files.readAllBytes(SharedData.require("itshfbc/" + name));
		try (InputStream packaged = new GZIPInputStream(
				CoefficientFileTest.class.getClassLoader().getResourceAsStream("propagation/" + name + ".gz"))) {
			assertThat(packaged.readAllBytes()).as(name).isEqualTo(shared);
		}
	}

	/** Every block of every month holds as many numbers as its label declares, and each map fits its layout. */
	@Test
	void everyMonthReadsWhole() {
		CoefficientMaps coefficients = new CoefficientMaps();
		for (int month = 1; month <= 12; month++) {
			MonthCoefficients read = coefficients.month(month);
			assertThat(read.fof2()).as("XF2COF(13,76,2)").hasSize(1976);
			int[] layouts = read.file().integers("IKIM");
			assertThat(layouts).hasSize(60);
			// foF2: 6 time harmonics of 76 functions
			assertThat(layouts[39]).isEqualTo(6);
			assertThat(layouts[38]).isEqualTo(75);
			assertThat(read.file().block("ANEW")).as("ANEW, BNEW, ACHI, BCHI").hasSize(10);
			assertThat(read.file().block("XPMAP")).hasSize(29 * 16 * 2);
			assertThat(coefficients.maps(month, 100).ssn()).isEqualTo(100);
		}
	}

	@Test
	void aBlockShortOfItsDeclaredSizeIsRefusedByName() {
		String text = "month= 1 test\nIKIM(2,3)\n 1 2 3\n 4 5\nDUD(2)\n .1E+01 .2E+01\n";

		assertThatThrownBy(() -> read(text)).hasMessage("test.asc: block IKIM(2,3) holds 5 numbers, not 6");
	}

	@Test
	void whatIsNoNumberIsRefusedWithItsLine() {
		String text = "IKIM(2)\n 1 2\nDUD(2)\n .1E+01 .2F+01\n";

		assertThatThrownBy(() -> read(text)).hasMessage("test.asc line 4: not a number: .2F+01");
	}

	@Test
	void readsFortranNumbersInColumnMajorOrder() throws IOException {
		CoefficientFile file = read("X(2,2)\n  .60209268E+00 -.41046128E+01\n -.25E-01  .1E+02\nmonth= 3\n 7\n");

		assertThat(file.block("X")).containsExactly(0.60209268f, -4.1046128f, -0.025f, 10f);
		assertThat(file.block("month=3")).containsExactly(7);
		assertThatThrownBy(() -> file.block("Y")).hasMessage("test.asc has no block Y");
	}

	private static CoefficientFile read(String text) throws IOException {
		return CoefficientFile.read("test.asc", new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
	}

}

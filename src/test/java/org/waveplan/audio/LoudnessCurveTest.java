package org.waveplan.audio;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The curve read from ebur128's lines as FFmpeg 4.4 logs them (the real run: LoudnessMeterTest). */
class LoudnessCurveTest {

	private static String line(String t, String shortTerm) {
		return "[ebur128@loudness @ 0x9751cc0] [info] t: " + t + "       TARGET:-23 LUFS    M: -16.8 S:" + shortTerm
				+ "     I: -15.1 LUFS       LRA:   2.7 LU\n";
	}

	@Test
	void keepsTheLineOfEachFullSecondInHalfUnitsFlooredAndKeepsItsLengthOverAMissingLine() {
		String log = "[info] Input #0, mp3, from 'file:x.mp3':\n" + line("0.899979", "-120.7") + line("0.999979", "-120.7")
				+ line("1.09998", " -30.0") + line("2", " -inf") + line("2.1", " -20.0") + line("3.9", " -18.0")
				// 3.0 and 4.0 are missing: 3 and 4 take the value of 5
				+ line("5", " -16.26") + line("5.1", " -16.0") + "[ebur128@loudness @ 0x9751cc0] [info] Summary:\n";

		LoudnessCurve curve = LoudnessCurve.fromLog(log);

		assertThat(IntStream.rangeClosed(1, curve.seconds()).mapToDouble(curve::lufsAt)).containsExactly(-70.0, -70.0,
				-16.5, -16.5, -16.5);
		assertThat(curve.bytes()).hasSize(5);
	}

}

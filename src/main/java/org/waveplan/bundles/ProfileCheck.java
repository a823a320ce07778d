package org.waveplan.bundles;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.waveplan.audio.Codec;
import org.waveplan.shared.ProblemException;

/** Which sounds each codec can make, so that a bundle a codec cannot make is refused before anything is built. */
final class ProfileCheck {

	/** The rates of MPEG-1, 2 and 2.5 layer III. */
	private static final Set<Integer> MP3_RATES = Set.of(8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100,
			48000);

	private static final Set<Integer> AAC_RATES = Set.of(8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100,
			48000, 64000, 88200, 96000);

	private ProfileCheck() {
	}

	static BundleProfile of(BundleRequest.Profile request) {
		BundleProfile d = BundleProfile.DEFAULT;
		if (request == null) {
			return d;
		}
		Codec codec = d.codec();
		if (request.codec() != null) {
			codec = Arrays.stream(Codec.values())
				.filter(c -> c.name().equalsIgnoreCase(request.codec()))
				.findFirst()
				.orElseThrow(() -> ProblemException.invalid("profile.codec", ProblemException.unreadable(request.codec())
						+ ": one of " + Arrays.toString(Codec.values())));
		}
		int rate = request.sampleRate() != null ? request.sampleRate() : codec == Codec.OPUS_OGG ? 48_000 : d.sampleRate();
		int bitrate = request.bitrateKbps() != null ? request.bitrateKbps() : d.bitrateKbps();
		int channels = request.channels() != null ? request.channels() : d.channels();
		double target = request.targetLufs() != null ? request.targetLufs() : d.targetLufs();
		double peak = request.truePeakDbtp() != null ? request.truePeakDbtp() : d.truePeakDbtp();
		BundleProfile profile = new BundleProfile(codec, codec.lossy() ? bitrate : 0, rate, channels, target, peak);
		check(profile);
		return profile;
	}

	static void check(BundleProfile p) {
		if (p.channels() != 1 && p.channels() != 2) {
			throw ProblemException.invalid("profile.channels", "must be 1 or 2, not " + p.channels());
		}
		if (p.targetLufs() < -36 || p.targetLufs() > -10) {
			throw ProblemException.invalid("profile.targetLufs", "must be between -36 and -10 LUFS");
		}
		if (p.truePeakDbtp() < -9 || p.truePeakDbtp() > 0) {
			throw ProblemException.invalid("profile.truePeakDbtp", "must be between -9 and 0 dBTP");
		}
		int rate = p.sampleRate();
		switch (p.codec()) {
			case MP3 -> {
				rates(MP3_RATES, p);
				// MPEG-2 and 2.5 layer III (24 kHz and under) go up to 160 kb/s, MPEG-1 to 320
				bitrate(p, rate <= 24_000 ? 8 : 32, rate <= 24_000 ? 160 : 320);
			}
			case AAC_M4A -> {
				rates(AAC_RATES, p);
				bitrate(p, 8, 6 * rate * p.channels() / 1000);
			}
			case OPUS_OGG -> {
				if (rate != 48_000) {
					throw ProblemException.invalid("profile.sampleRate", "OPUS_OGG is always 48000 Hz, not " + rate);
				}
				bitrate(p, 6, 256 * p.channels());
			}
			case FLAC, WAV_PCM16 -> {
				if (rate < 8000 || rate > 192_000) {
					throw ProblemException.invalid("profile.sampleRate",
							p.codec() + " takes 8000 to 192000 Hz, not " + rate);
				}
			}
		}
	}

	private static void rates(Set<Integer> rates, BundleProfile p) {
		if (!rates.contains(p.sampleRate())) {
			throw ProblemException.invalid("profile.sampleRate", String.format(Locale.ROOT, "%s cannot be %d Hz: one of %s",
					p.codec(), p.sampleRate(), rates.stream().sorted().toList()));
		}
	}

	private static void bitrate(BundleProfile p, int min, int max) {
		if (p.bitrateKbps() < min || p.bitrateKbps() > max) {
			throw ProblemException.invalid("profile.bitrateKbps", String.format(Locale.ROOT,
					"%s at %d Hz, %d channel(s) takes %d to %d kb/s, not %d", p.codec(), p.sampleRate(), p.channels(),
					min, max, p.bitrateKbps()));
		}
	}

}

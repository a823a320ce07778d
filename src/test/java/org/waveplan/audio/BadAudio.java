package org.waveplan.audio;

import static org.waveplan.audio.AudioFixtures.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Bad input, made by the bundled FFmpeg when a test asks for it: each file in well under a second, the
 * hour-long one too (a minute of 8 kHz MP3 looped by stream copy). {@link Case} names them with what the
 * service should make of each.
 */
public final class BadAudio {

	/** Where a file's journey through the service ends. */
	public enum Outcome {

		/** Ingest ({@link LoudnessMeter#analyze}) refuses it: {@link UndecodableAudioException}. */
		REFUSED_AT_INGEST,

		/** Ingest takes it, the render refuses it: {@link RenderException}, no file left. */
		REFUSED_AT_RENDER,

		/** Ingest takes it and the render gives verified files. */
		RENDERED

	}

	/**
	 * The corpus.
	 * @param outcome what the service should make of the file
	 * @param reason what the reason of the refusal says, {@code null} if it is rendered
	 * @param airing the airing that the file is rendered for, were ingest to take it
	 */
	public enum Case {

		/** A real MP3 (Xing header, 20 s) cut in the middle of its bytes, mid-frame. */
		TRUNCATED_MP3(Outcome.REFUSED_AT_INGEST, "it is cut short", Duration.ofSeconds(20)),

		/** An MP3 that decodes well for 10 s, then one byte in 50 is garbled: the decoder fails from there. */
		CODEC_DIES_MID_STREAM(Outcome.REFUSED_AT_INGEST, "damaged", Duration.ofSeconds(20)),

		/**
		 * A FLAC with one byte flipped in the middle of a frame, as bit rot does: FFmpeg decodes it without a word
		 * (a click), only the frame's CRC tells.
		 */
		BIT_ROT_FLAC(Outcome.REFUSED_AT_INGEST, "damaged", Duration.ofSeconds(20)),

		/** 5.1 FLAC at 48 kHz: speech in the centre, ambience around, rumble in the LFE. */
		SURROUND_5_1(Outcome.RENDERED, null, Duration.ofSeconds(20)),

		/** 24-bit FLAC at 192 kHz with a 30 kHz tone above the speech, which no output can carry. */
		RATE_192K(Outcome.RENDERED, null, Duration.ofSeconds(10)),

		/** Digital silence: loudness -inf (reported as the floor, -70 LUFS). */
		SILENCE(Outcome.REFUSED_AT_RENDER, "silent", Duration.ofSeconds(20)),

		/**
		 * An hour of speech-like noise, 8 kHz mono MP3 at 8 kb/s (3.6 MB). Rendered for a 10-minute airing, trimmed
		 * with a fade: the whole hour takes far longer to render than a test may (see BadAudioTest). Three hours and
		 * a 30-minute airing, as it once was, proved nothing more in four times the time.
		 */
		ONE_HOUR(Outcome.RENDERED, null, Duration.ofMinutes(10)),

		/** Speech-like noise overdriven by 30 dB and hard-clipped: a third of its samples at full scale. */
		CLIPPED(Outcome.RENDERED, null, Duration.ofSeconds(20));

		private final Outcome outcome;

		private final String reason;

		private final Duration airing;

		Case(Outcome outcome, String reason, Duration airing) {
			this.outcome = outcome;
			this.reason = reason;
			this.airing = airing;
		}

		public Outcome outcome() {
			return outcome;
		}

		public String reason() {
			return reason;
		}

		public Duration airing() {
			return airing;
		}

		/** Writes the case's file into the directory (again, if it is there). */
		public Path make(Path dir) {
			return switch (this) {
				case TRUNCATED_MP3 -> truncatedMp3(dir);
				case CODEC_DIES_MID_STREAM -> codecDiesMidStream(dir);
				case BIT_ROT_FLAC -> bitRotFlac(dir);
				case SURROUND_5_1 -> surround(dir);
				case RATE_192K -> rate192k(dir);
				case SILENCE -> silence(dir);
				case ONE_HOUR -> oneHour(dir);
				case CLIPPED -> clipped(dir);
			};
		}

	}

	/** Syllables and pauses: pink noise under an envelope of 1.7 Hz and 0.3 Hz (the latter makes the pauses). */
	private static final String ENVELOPE = "volume='0.05+0.95*abs(sin(2*PI*1.7*t))*abs(sin(2*PI*0.3*t))':eval=frame";

	private BadAudio() {
	}

	/** Speech-like noise, 44.1 kHz mono WAV (no voice synthesizer in tests). */
	static Path speech(Path dir, Duration length) {
		Path file = dir.resolve("speech-" + length.toMillis() + "ms.wav");
		ffmpeg("-f", "lavfi", "-i", speechSource(44_100, length, 1), file.toString());
		return file;
	}

	/** FFmpeg's lavfi source of speech-like noise, mono. */
	static String speechSource(int sampleRate, Duration length, int seed) {
		return String.format(Locale.ROOT, "anoisesrc=c=pink:r=%d:a=0.5:d=%.3f:seed=%d,%s", sampleRate,
				length.toMillis() / 1000.0, seed, ENVELOPE);
	}

	/** A 20-second MP3 of 44.1 kHz mono at 64 kb/s, as encoders write them (Xing header with the length). */
	static Path mp3(Path dir, String name) {
		Path file = dir.resolve(name);
		ffmpeg("-f", "lavfi", "-i", speechSource(44_100, Duration.ofSeconds(20), 2), "-c:a", "libmp3lame", "-b:a",
				"64k", file.toString());
		return file;
	}

	/** The MP3 cut to half its bytes and 17 more, so that its last frame is incomplete. */
	static Path truncatedMp3(Path dir) {
		Path file = mp3(dir, "truncated.mp3");
		return truncate(file, size(file) / 2 + 17);
	}

	/** The MP3 with one byte in 50 garbled from the middle of its bytes to the end (seeded, so always the same). */
	static Path codecDiesMidStream(Path dir) {
		Path file = mp3(dir, "codec-dies-mid-stream.mp3");
		byte[] bytes = read(file);
		Random random = new Random(42);
		for (int i = bytes.length / 2; i < bytes.length; i += 50) {
			bytes[i] = (byte) random.nextInt(256);
		}
		return write(file, bytes);
	}

	/** 20 s of 16-bit mono FLAC at 44.1 kHz with the byte in the middle of the file flipped (a frame's residual). */
	static Path bitRotFlac(Path dir) {
		Path file = dir.resolve("bit-rot.flac");
		ffmpeg("-f", "lavfi", "-i", speechSource(44_100, Duration.ofSeconds(20), 8), "-c:a", "flac", "-sample_fmt",
				"s16", file.toString());
		byte[] bytes = read(file);
		bytes[bytes.length / 2] ^= (byte) 0xFF;
		return write(file, bytes);
	}

	/** 20 s of 16-bit 5.1 FLAC at 48 kHz. */
	static Path surround(Path dir) {
		Path file = dir.resolve("surround-5.1.flac");
		String centre = speechSource(48_000, Duration.ofSeconds(20), 3);
		String around = "anoisesrc=c=brown:r=48000:a=0.01:d=20:seed=4";
		String rumble = "sine=f=50:r=48000:d=20,volume=0.3";
		ffmpeg("-f", "lavfi", "-i", centre + "[c];" + around + ",asplit=4[fl][fr][bl][br];" + rumble + "[lfe];"
				+ "[fl][fr][c][lfe][bl][br]join=inputs=6:channel_layout=5.1", "-c:a", "flac", "-sample_fmt", "s16",
				file.toString());
		return file;
	}

	/** 10 s of 24-bit mono FLAC at 192 kHz: speech and a 30 kHz tone at -20 dBFS. */
	static Path rate192k(Path dir) {
		Path file = dir.resolve("rate-192k.flac");
		ffmpeg("-f", "lavfi", "-i",
				speechSource(192_000, Duration.ofSeconds(10), 5) + ",aeval='val(0)+0.1*sin(2*PI*30000*t)'",
				"-c:a", "flac", "-sample_fmt", "s32", file.toString());
		return file;
	}

	/** 20 s of digital silence, 44.1 kHz mono WAV. */
	static Path silence(Path dir) {
		Path file = dir.resolve("silence.wav");
		ffmpeg("-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono:d=20", file.toString());
		return file;
	}

	/**
	 * An hour of speech-like noise as an 8 kHz mono MP3 at 8 kb/s: one minute encoded, then looped by stream copy
	 * (MP3 frames stand alone), which writes its Xing header for the whole length.
	 */
	static Path oneHour(Path dir) {
		Path minute = dir.resolve("minute-8k.mp3");
		Path file = dir.resolve("one-hour.mp3");
		ffmpeg("-f", "lavfi", "-i", speechSource(8_000, Duration.ofMinutes(1), 6), "-c:a", "libmp3lame", "-b:a", "8k",
				minute.toString());
		ffmpeg("-stream_loop", "-1", "-i", minute.toString(), "-t", "3600", "-c", "copy", file.toString());
		delete(minute);
		return file;
	}

	/**
	 * 20 s of speech-like noise raised by 30 dB, 44.1 kHz mono 16-bit WAV: the conversion to 16 bits clips it hard,
	 * a third of its samples at full scale.
	 */
	static Path clipped(Path dir) {
		Path file = dir.resolve("clipped.wav");
		ffmpeg("-f", "lavfi", "-i", speechSource(44_100, Duration.ofSeconds(20), 7) + ",volume=30dB", "-c:a",
				"pcm_s16le", file.toString());
		return file;
	}

	/** Cuts the file to its first bytes, as a disk or an upload might. */
	static Path truncate(Path file, long bytes) {
		return write(file, Arrays.copyOf(read(file), Math.toIntExact(bytes)));
	}

	static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path write(Path file, byte[] bytes) {
		try {
			return Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.delete(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

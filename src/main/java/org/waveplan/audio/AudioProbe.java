package org.waveplan.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Tells what an audio file holds, and refuses files that are not sound: empty, not audio, without
 * an audio stream, cut short, damaged or silent for zero seconds. Headers can lie, so the whole
 * first audio stream is decoded: its length is counted in samples, and whatever FFmpeg met on the
 * way (errors, incomplete packets, less audio than the header announces) refuses the file.
 */
@Component
class AudioProbe {

	private final Ffmpeg ffmpeg;

	private final AudioProperties properties;

	AudioProbe(Ffmpeg ffmpeg, AudioProperties properties) {
		this.ffmpeg = ffmpeg;
		this.properties = properties;
	}

	AudioInfo probe(Path file) throws UndecodableAudioException {
		return decode(file, "anull").info();
	}

	/** Decodes the file's first audio stream through the filter graph and checks that the file is sound. */
	Decoded decode(Path file, String audioFilter) throws UndecodableAudioException {
		byte[] head = head(file);
		if (head.length == 0) {
			throw new UndecodableAudioException(file, "it is empty (0 bytes)");
		}
		// the file protocol, so that no name is taken for an option or another protocol
		String input = "file:" + file.toAbsolutePath();
		// crccheck: FFmpeg's decoders skip the checksums of FLAC (and MP3, AC-3) frames unless asked, and decode a
		// damaged frame to a click or a burst of noise without a word
		Ffmpeg.Result result = ffmpeg.run(List.of("-loglevel", "level+verbose", "-nostats", "-err_detect", "crccheck",
				"-i", input, "-map", "0:a:0", "-af", audioFilter, "-f", "null", "-"), properties.ffmpegTimeout());
		return new Decoded(DecodeReport.of(result).verdict(file, input, looksLikeAudio(head)), result.log());
	}

	private static byte[] head(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(12);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether the file starts like an audio file, see {@link #looksLikeAudio(byte[])}. */
	static boolean looksLikeAudio(Path file) {
		return looksLikeAudio(head(file));
	}

	/**
	 * Whether the file starts like MP3 or ADTS AAC (ID3 tag or frame sync), WAV, AIFF, FLAC, Ogg or MP4:
	 * when FFmpeg cannot even open it, this tells a file cut short from one that is no audio at all.
	 */
	private static boolean looksLikeAudio(byte[] head) {
		String ascii = new String(head, StandardCharsets.ISO_8859_1);
		return ascii.startsWith("ID3") || ascii.startsWith("RIFF") || ascii.startsWith("FORM")
				|| ascii.startsWith("fLaC") || ascii.startsWith("OggS") || ascii.startsWith("ftyp", 4)
				|| head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0;
	}

	/** A sound file and FFmpeg's log of decoding it, where filters leave their results. */
	record Decoded(AudioInfo info, String log) {
	}

}

package org.waveplan.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.waveplan.shared.AtomicFiles;

/**
 * Removes from an encoded file what FFmpeg 4.4 writes there even bit-exact and without metadata
 * ({@link Metadata#NONE}), leaving its audio bytes as they are:
 * <ul>
 * <li>MP3: LAME fills the bits of a frame that its audio does not take with "LAME3.100" (its ancillary data),
 * zeroed by {@link Mp3Ancillary};</li>
 * <li>Ogg Opus: the OpusTags header names the muxer ("ffmpeg") and the encoder ("encoder=Lavc libopus"), made
 * empty by {@link OggOpusTags};</li>
 * <li>FLAC: the VORBIS_COMMENT block names the muxer ("ffmpeg"): only STREAMINFO and SEEKTABLE are kept;</li>
 * <li>MP4: the track's handler is named "SoundHandler" and an empty iTunes tag list is written (naming its
 * handler "appl"): the name is zeroed and the user data box made an empty {@code free} box, in place (no offset
 * moves);</li>
 * <li>WAV: nothing (bit-exact, FFmpeg writes no LIST chunk).</li>
 * </ul>
 * The file is not yet published: it is rewritten where it lies.
 */
final class Untagged {

	/** {@code key : value} under a {@code Metadata:} heading of FFmpeg's description of an input. */
	private static final Pattern TAG = Pattern.compile("^\\s*(\\S[^:]*?)\\s*: (.*)$");

	/**
	 * What FFmpeg's MP4 demuxer shows as tags of every M4A, read from boxes that it cannot do without: the file
	 * type ({@code ftyp}), and the sample entry's vendor field, zero.
	 */
	private static final Map<String, String> STRUCTURAL = Map.of("major_brand", "M4A", "minor_version", "512",
			"compatible_brands", "M4A isomiso2", "vendor_id", "[0][0][0][0]");

	private Untagged() {
	}

	/** The tags that FFmpeg reads from the file, at the format's level and the streams'. */
	static Map<String, String> tags(Ffmpeg ffmpeg, Path file, Duration timeout) {
		String log = ffmpeg.run(List.of("-hide_banner", "-i", FilterGraph.input(file)), timeout).log();
		Map<String, String> tags = new TreeMap<>();
		int indent = -1;
		for (String line : log.split("\r?\n")) {
			int lead = line.length() - line.stripLeading().length();
			Matcher m = TAG.matcher(line);
			if (line.strip().equals("Metadata:")) {
				indent = lead;
			}
			else if (indent >= 0 && lead > indent && m.matches()) {
				tags.put(m.group(1), m.group(2).strip());
			}
			else {
				indent = -1;
			}
		}
		return tags;
	}

	/** The tags that a file of the codec shows even when it has none. */
	static Map<String, String> structural(Codec codec) {
		return codec == Codec.AAC_M4A ? STRUCTURAL : Map.of();
	}

	/**
	 * @throws IOException if the file cannot be read or written
	 * @throws IllegalStateException if the file is not laid out as FFmpeg writes it, with why
	 */
	static void strip(Codec codec, Path file) throws IOException {
		switch (codec) {
			case MP3 -> Mp3Ancillary.zero(file);
			case OPUS_OGG -> OggOpusTags.empty(file);
			case FLAC -> flac(file);
			case AAC_M4A -> mp4(file);
			case WAV_PCM16 -> {
			}
		}
	}

	/** Keeps only the STREAMINFO and SEEKTABLE blocks of a FLAC file's metadata. */
	static void flac(Path file) throws IOException {
		Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
		try {
			try (FileChannel in = FileChannel.open(file); OutputStream out = Files.newOutputStream(temp)) {
				ByteBuffer head = ByteBuffer.allocate(4);
				readFully(in, head, 0);
				if (!"fLaC".equals(new String(head.array(), StandardCharsets.ISO_8859_1))) {
					throw new IllegalStateException("it does not start with fLaC");
				}
				out.write(head.array());
				ByteArrayOutputStream kept = new ByteArrayOutputStream();
				long position = 4;
				int lastKept = -1;
				boolean last = false;
				while (!last) {
					ByteBuffer header = ByteBuffer.allocate(4);
					readFully(in, header, position);
					int word = header.getInt(0);
					last = word < 0;
					int type = (word >>> 24) & 0x7F;
					int length = word & 0xFFFFFF;
					// STREAMINFO is the one a decoder needs; a SEEKTABLE points into the frames, which do not move
					if (type == 0 || type == 3) {
						ByteBuffer block = ByteBuffer.allocate(4 + length);
						readFully(in, block, position);
						lastKept = kept.size();
						block.put(0, (byte) type);
						kept.write(block.array());
					}
					position += 4 + length;
				}
				if (lastKept < 0 || kept.toByteArray()[0] != 0) {
					throw new IllegalStateException("its first metadata block is not STREAMINFO");
				}
				byte[] blocks = kept.toByteArray();
				blocks[lastKept] |= (byte) 0x80;
				out.write(blocks);
				in.transferTo(position, in.size() - position, Channels.newChannel(out));
			}
			AtomicFiles.move(temp, file);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/**
	 * Zeroes the handler names and turns {@code udta} into {@code free} in the MP4's {@code moov}, in place: no
	 * box changes size, so the chunk offsets stay right.
	 */
	static void mp4(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			long position = 0;
			long size = channel.size();
			while (position + 8 <= size) {
				ByteBuffer header = ByteBuffer.allocate(8);
				readFully(channel, header, position);
				long boxSize = Integer.toUnsignedLong(header.getInt(0));
				String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
				if (boxSize < 8 || position + boxSize > size) {
					throw new IllegalStateException("the " + type + " box at byte " + position + " has a size of "
							+ boxSize);
				}
				if (type.equals("moov")) {
					ByteBuffer moov = ByteBuffer.allocate(Math.toIntExact(boxSize));
					readFully(channel, moov, position);
					clean(moov, 8, moov.capacity());
					moov.clear();
					while (moov.hasRemaining()) {
						channel.write(moov, position + moov.position());
					}
					return;
				}
				position += boxSize;
			}
			throw new IllegalStateException("it has no moov box");
		}
	}

	/** The boxes from {@code start} to {@code end}, recursively where they contain boxes. */
	private static void clean(ByteBuffer moov, int start, int end) {
		int position = start;
		while (position + 8 <= end) {
			int size = moov.getInt(position);
			String type = new String(moov.array(), position + 4, 4, StandardCharsets.ISO_8859_1);
			if (size < 8 || position + size > end) {
				throw new IllegalStateException("the " + type + " box in moov has a size of " + size);
			}
			switch (type) {
				case "trak", "mdia", "minf" -> clean(moov, position + 8, position + size);
				// an empty iTunes tag list (meta, hdlr 'mdir' 'appl', ilst): nothing left of it but its length
				case "udta" -> {
					moov.put(position + 4, "free".getBytes(StandardCharsets.ISO_8859_1));
					zero(moov, position + 8, position + size);
				}
				// version and flags, pre_defined, handler type, 3 reserved words: the name follows
				case "hdlr" -> zero(moov, position + 32, position + size);
				default -> {
				}
			}
			position += size;
		}
	}

	private static void zero(ByteBuffer buffer, int from, int to) {
		for (int i = from; i < to; i++) {
			buffer.put(i, (byte) 0);
		}
	}

	static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
		while (buffer.hasRemaining()) {
			if (channel.read(buffer, position + buffer.position()) < 0) {
				throw new IllegalStateException("it ends at byte " + (position + buffer.position()) + ", within a header");
			}
		}
	}

}

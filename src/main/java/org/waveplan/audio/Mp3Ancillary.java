package org.waveplan.audio;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Zeroes an MP3's ancillary data: the bits of its frames that no granule's audio takes. LAME fills them with its
 * name and version ("LAME3.100", then a pattern), wherever its bit reservoir has bits to spare; decoders skip them.
 * <p>
 * A Layer III frame's audio (main data) starts {@code main_data_begin} bytes before the frame's own, in the bytes
 * after the headers and side information of the frames before (the reservoir), and takes the sum of its granules'
 * {@code part2_3_length} bits. Whatever lies between one frame's audio and the next's is ancillary data.
 */
final class Mp3Ancillary {

	private static final int[] MPEG1_KBPS = { 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320 };

	private static final int[] MPEG2_KBPS = { 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160 };

	/** By the header's version bits: MPEG-2.5, reserved, MPEG-2, MPEG-1. */
	private static final int[][] RATES = { { 11025, 12000, 8000 }, {}, { 22050, 24000, 16000 },
			{ 44100, 48000, 32000 } };

	private Mp3Ancillary() {
	}

	/**
	 * @throws IllegalStateException if the file is not Layer III frames from its first byte to its last (FFmpeg
	 * writes no ID3 tag nor Xing header here)
	 */
	static void zero(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			if (channel.size() > Integer.MAX_VALUE) {
				throw new IllegalStateException("it is larger than 2 GiB");
			}
			MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size());
			new Mp3Ancillary.Frames(bytes).zeroAncillary();
			bytes.force();
		}
	}

	/** The frames' main data, as one stream of bytes (the reservoir), and where each frame's audio lies in it. */
	private static final class Frames {

		private final MappedByteBuffer bytes;

		private int count;

		/** Per frame: where its bytes after the side information start in the file, and in the stream. */
		private int[] fileStart = new int[1024];

		private long[] streamStart = new long[1024];

		private int[] mainDataBegin = new int[1024];

		private int[] mainDataBits = new int[1024];

		private long streamLength;

		Frames(MappedByteBuffer bytes) {
			this.bytes = bytes;
			int position = 0;
			while (position < bytes.limit()) {
				position = frame(position);
			}
		}

		/** Reads the frame at the position; returns where the next starts. */
		private int frame(int position) {
			if (bytes.limit() - position < 4) {
				throw new IllegalStateException("it ends within a frame header at byte " + position);
			}
			int header = bytes.getInt(position);
			int version = (header >>> 19) & 3;
			int bitrateIndex = (header >>> 12) & 15;
			int rateIndex = (header >>> 10) & 3;
			if ((header >>> 21) != 0x7FF || version == 1 || ((header >>> 17) & 3) != 1 || bitrateIndex == 0
					|| bitrateIndex == 15 || rateIndex == 3) {
				throw new IllegalStateException(
						String.format("no MPEG Layer III frame of a fixed bitrate at byte %d: %08x", position, header));
			}
			boolean mpeg1 = version == 3;
			boolean crc = ((header >>> 16) & 1) == 0;
			int channels = ((header >>> 6) & 3) == 3 ? 1 : 2;
			int length = (mpeg1 ? 144_000 * MPEG1_KBPS[bitrateIndex] : 72_000 * MPEG2_KBPS[bitrateIndex])
					/ RATES[version][rateIndex] + ((header >>> 9) & 1);
			int sideInfo = mpeg1 ? (channels == 1 ? 17 : 32) : (channels == 1 ? 9 : 17);
			int side = position + 4 + (crc ? 2 : 0);
			if (position + length > bytes.limit() || side + sideInfo > position + length) {
				throw new IllegalStateException("the frame at byte " + position + " is cut short");
			}
			Bits bits = new Bits(bytes, side);
			int begin = bits.read(mpeg1 ? 9 : 8);
			// private bits, and in MPEG-1 the scale factor selection
			bits.skip(mpeg1 ? (channels == 1 ? 5 : 3) + 4 * channels : channels);
			int audio = 0;
			for (int granule = 0; granule < (mpeg1 ? 2 : 1); granule++) {
				for (int channel = 0; channel < channels; channel++) {
					audio += bits.read(12);
					bits.skip(mpeg1 ? 47 : 51);
				}
			}
			add(side + sideInfo, begin, audio, position + length - side - sideInfo);
			return position + length;
		}

		private void add(int start, int begin, int audioBits, int payload) {
			if (count == fileStart.length) {
				fileStart = Arrays.copyOf(fileStart, count * 2);
				streamStart = Arrays.copyOf(streamStart, count * 2);
				mainDataBegin = Arrays.copyOf(mainDataBegin, count * 2);
				mainDataBits = Arrays.copyOf(mainDataBits, count * 2);
			}
			fileStart[count] = start;
			streamStart[count] = streamLength;
			mainDataBegin[count] = begin;
			mainDataBits[count] = audioBits;
			count++;
			streamLength += payload;
		}

		void zeroAncillary() {
			long covered = 0;
			for (int i = 0; i < count; i++) {
				long start = (streamStart[i] - mainDataBegin[i]) * 8;
				if (start < covered) {
					throw new IllegalStateException("the audio of frame " + i + " starts within the one before");
				}
				zero(covered, start);
				covered = start + mainDataBits[i];
			}
			if (covered > streamLength * 8) {
				throw new IllegalStateException("the audio of the last frame goes past the end");
			}
			zero(covered, streamLength * 8);
		}

		/** Zeroes the stream's bits from {@code from} to {@code to}, a whole byte's. */
		private void zero(long from, long to) {
			long bit = from;
			if (bit % 8 != 0 && bit < to) {
				int at = filePosition(bit / 8);
				bytes.put(at, (byte) (bytes.get(at) & ~(0xFF >>> (bit % 8))));
				bit += 8 - bit % 8;
			}
			for (long b = bit / 8; b < to / 8; b++) {
				bytes.put(filePosition(b), (byte) 0);
			}
		}

		private int filePosition(long streamByte) {
			int i = Arrays.binarySearch(streamStart, 0, count, streamByte);
			int frame = i >= 0 ? i : -i - 2;
			return fileStart[frame] + (int) (streamByte - streamStart[frame]);
		}

	}

	/** Reads bits, most significant first. */
	private static final class Bits {

		private final MappedByteBuffer bytes;

		private long bit;

		Bits(MappedByteBuffer bytes, int position) {
			this.bytes = bytes;
			this.bit = position * 8L;
		}

		int read(int n) {
			int value = 0;
			for (int i = 0; i < n; i++, bit++) {
				value = value << 1 | (bytes.get((int) (bit / 8)) >>> (7 - bit % 8)) & 1;
			}
			return value;
		}

		void skip(int n) {
			bit += n;
		}

	}

}

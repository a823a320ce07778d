package org.waveplan.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.waveplan.shared.AtomicFiles;

/**
 * Empties the OpusTags header of an Ogg Opus file: FFmpeg writes its name as the vendor string ("ffmpeg", bit-exact)
 * and the encoder's as a comment ("encoder=Lavc libopus"), even without metadata. RFC 7845 requires the packet,
 * not its contents: an empty vendor string and no comments. FFmpeg puts the header alone on the second page, so
 * that page is written again (its CRC with it) and the rest of the file copied as it is.
 */
final class OggOpusTags {

	/** "OpusTags", an empty vendor string, no comments. */
	private static final byte[] EMPTY = ByteBuffer.allocate(16)
		.order(ByteOrder.LITTLE_ENDIAN)
		.put("OpusTags".getBytes(StandardCharsets.US_ASCII))
		.putInt(0)
		.putInt(0)
		.array();

	private static final int[] CRC = new int[256];

	static {
		for (int i = 0; i < 256; i++) {
			int r = i << 24;
			for (int j = 0; j < 8; j++) {
				r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
			}
			CRC[i] = r;
		}
	}

	private OggOpusTags() {
	}

	static void empty(Path file) throws IOException {
		Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
		try {
			try (FileChannel in = FileChannel.open(file); OutputStream out = Files.newOutputStream(temp)) {
				Page head = Page.at(in, 0);
				if (!head.startsWith("OpusHead") || !head.endsPacket()) {
					throw new IllegalStateException("its first page is not an OpusHead header alone");
				}
				Page tags = Page.at(in, head.length());
				if (!tags.startsWith("OpusTags") || !tags.endsPacket() || tags.packets() != 1
						|| tags.serial() != head.serial()) {
					throw new IllegalStateException("its second page is not an OpusTags header alone");
				}
				in.transferTo(0, head.length(), Channels.newChannel(out));
				out.write(tags.with(EMPTY));
				long rest = head.length() + tags.length();
				in.transferTo(rest, in.size() - rest, Channels.newChannel(out));
			}
			AtomicFiles.move(temp, file);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** An Ogg page: its 27 bytes of header, its segment table and its data. */
	private record Page(byte[] bytes, int segments) {

		static Page at(FileChannel in, long position) throws IOException {
			ByteBuffer header = ByteBuffer.allocate(27);
			Untagged.readFully(in, header, position);
			if (!new String(header.array(), 0, 4, StandardCharsets.ISO_8859_1).equals("OggS")) {
				throw new IllegalStateException("no Ogg page at byte " + position);
			}
			int segments = header.get(26) & 0xFF;
			ByteBuffer table = ByteBuffer.allocate(segments);
			Untagged.readFully(in, table, position + 27);
			int data = 0;
			for (byte lacing : table.array()) {
				data += lacing & 0xFF;
			}
			ByteBuffer page = ByteBuffer.allocate(27 + segments + data);
			Untagged.readFully(in, page, position);
			return new Page(page.array(), segments);
		}

		int length() {
			return bytes.length;
		}

		int serial() {
			return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(14);
		}

		boolean startsWith(String magic) {
			int data = 27 + segments;
			return bytes.length >= data + magic.length()
					&& new String(bytes, data, magic.length(), StandardCharsets.ISO_8859_1).equals(magic);
		}

		/** Whether the last packet on the page ends on it (a lacing value under 255). */
		boolean endsPacket() {
			return segments > 0 && (bytes[26 + segments] & 0xFF) < 255;
		}

		int packets() {
			int packets = 0;
			for (int i = 0; i < segments; i++) {
				packets += (bytes[27 + i] & 0xFF) < 255 ? 1 : 0;
			}
			return packets;
		}

		/** This page with one packet of fewer than 255 bytes instead of its own, and its checksum. */
		byte[] with(byte[] packet) {
			byte[] page = new byte[28 + packet.length];
			System.arraycopy(bytes, 0, page, 0, 26);
			page[26] = 1;
			page[27] = (byte) packet.length;
			System.arraycopy(packet, 0, page, 28, packet.length);
			for (int i = 22; i < 26; i++) {
				page[i] = 0;
			}
			ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN).putInt(22, crc(page));
			return page;
		}

	}

	/** Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, from 0, over the page with a zero checksum. */
	static int crc(byte[] page) {
		int crc = 0;
		for (byte b : page) {
			crc = (crc << 8) ^ CRC[((crc >>> 24) ^ b) & 0xFF];
		}
		return crc;
	}

}

package org.waveplan.bundles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A test's own reading of a small ZIP's records, byte by byte, to see what the JDK's readers hide. */
record ZipRecords(List<Header> central, List<Header> local, int entriesInEnd) {

	/** The fields of a central or local header that could carry a time, an owner or a comment. */
	record Header(String name, int madeBy, int flags, int method, int time, int date, int extraLength,
			int commentLength, long externalAttributes, long offset) {
	}

	static ZipRecords of(Path zip) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
		int end = b.limit() - 22;
		while (b.getInt(end) != 0x06054b50) {
			end--;
		}
		int count = b.getShort(end + 10) & 0xFFFF;
		int at = b.getInt(end + 16);
		List<Header> central = new ArrayList<>();
		List<Header> local = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int nameLength = b.getShort(at + 28) & 0xFFFF;
			int extra = b.getShort(at + 30) & 0xFFFF;
			int comment = b.getShort(at + 32) & 0xFFFF;
			long offset = b.getInt(at + 42) & 0xFFFF_FFFFL;
			String name = name(b, at + 46, nameLength);
			central.add(new Header(name, b.getShort(at + 4) & 0xFFFF, b.getShort(at + 8) & 0xFFFF,
					b.getShort(at + 10) & 0xFFFF, b.getShort(at + 12) & 0xFFFF, b.getShort(at + 14) & 0xFFFF, extra,
					comment, b.getInt(at + 38) & 0xFFFF_FFFFL, offset));
			int l = (int) offset;
			local.add(new Header(name(b, l + 30, b.getShort(l + 26) & 0xFFFF), -1, b.getShort(l + 6) & 0xFFFF,
					b.getShort(l + 8) & 0xFFFF, b.getShort(l + 10) & 0xFFFF, b.getShort(l + 12) & 0xFFFF,
					b.getShort(l + 28) & 0xFFFF, 0, 0, offset));
			at += 46 + nameLength + extra + comment;
		}
		return new ZipRecords(central, local, count);
	}

	private static String name(ByteBuffer b, int at, int length) {
		byte[] name = new byte[length];
		b.get(at, name);
		return new String(name, java.nio.charset.StandardCharsets.UTF_8);
	}

}

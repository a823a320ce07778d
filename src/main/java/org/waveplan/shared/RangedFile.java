package org.waveplan.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A stored file answered over HTTP, resumable: its strong ETag and digest (RFC 9530 {@code Repr-Digest}),
 * {@code If-None-Match}, {@code Range} with {@code If-Range}; from this machine's disk by sendfile, from an object
 * store streamed through as a ranged read. The steps are apart so that a caller may answer otherwise between them
 * (a redirect to the store).
 *
 * @param size the length the file must have, from its record
 * @param sha256 of its bytes: the ETag and digest
 */
public record RangedFile(StoredObject content, long size, String sha256, Instant modified, String contentType) {

	// Tomcat sends the file from the kernel (sendfile) when the connector supports it: no copy through the JVM
	private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";

	private static final String SENDFILE = "org.apache.tomcat.sendfile.";

	public String etag() {
		return "\"" + sha256 + "\"";
	}

	private String lastModified() {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC));
	}

	/** Sets the ETag and digest; answers 304 and true when {@code If-None-Match} names the file. */
	public boolean notModified(HttpServletRequest request, HttpServletResponse response) {
		response.setHeader(HttpHeaders.ETAG, etag());
		response.setHeader("Repr-Digest",
				"sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":");
		if (ETags.noneMatchFails(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag())) {
			response.setStatus(HttpStatus.NOT_MODIFIED.value());
			return true;
		}
		return false;
	}

	/**
	 * Sets the status and headers of the part the request asks for (206 with its {@code Content-Range}, or the whole
	 * file); empty when the range lies outside the file, answered 416.
	 */
	public Optional<ByteRange> part(HttpServletRequest request, HttpServletResponse response) {
		String lastModified = lastModified();
		response.setHeader(HttpHeaders.LAST_MODIFIED, lastModified);
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
		response.setContentType(contentType);
		Optional<ByteRange> range;
		try {
			String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
			// with If-Range, a range only of this very file
			range = ifRange == null || ifRange.equals(etag()) || ifRange.equals(lastModified)
					? ByteRange.of(request.getHeader(HttpHeaders.RANGE), size) : Optional.empty();
		}
		catch (ByteRange.Unsatisfiable ex) {
			response.setStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value());
			response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
			return Optional.empty();
		}
		ByteRange part = range.orElse(new ByteRange(0, size - 1));
		if (range.isPresent()) {
			response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
			response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + part.first() + "-" + part.last() + "/" + size);
		}
		response.setContentLengthLong(part.length());
		return Optional.of(part);
	}

	/** Sends the part's bytes. */
	public void send(ByteRange part, HttpServletRequest request, HttpServletResponse response) throws IOException {
		Optional<Path> local = content.localPath();
		if (local.isEmpty()) {
			try (InputStream in = content.read(part.first(), part.last())) {
				OutputStream out = response.getOutputStream();
				in.transferTo(out);
				out.flush();
			}
			return;
		}
		if (Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
			request.setAttribute(SENDFILE + "filename", local.get().toString());
			request.setAttribute(SENDFILE + "start", part.first());
			request.setAttribute(SENDFILE + "end", part.last() + 1);
			return;
		}
		try (FileChannel channel = FileChannel.open(local.get(), StandardOpenOption.READ)) {
			OutputStream out = response.getOutputStream();
			WritableByteChannel target = Channels.newChannel(out);
			long position = part.first();
			long end = part.last() + 1;
			while (position < end) {
				position += channel.transferTo(position, end - position, target);
			}
			out.flush();
		}
	}

}

package org.waveplan.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay in front of a server that keeps every byte its clients send. It passes the bytes as they are, so the
 * server sees the {@code Host} the client signed (an S3 signature covers it) and the test sees every request line
 * and header that reached the server.
 */
final class RecordingRelay {

	private final ServerSocket server;

	private final URI target;

	private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean down;

	private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "recording-relay");
		thread.setDaemon(true);
		return thread;
	});

	RecordingRelay(URI target) throws IOException {
		this.target = target;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		threads.execute(this::accept);
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + server.getLocalPort());
	}

	/** Down, the server is out of reach: open connections are cut and new ones closed at once. */
	void down(boolean down) {
		this.down = down;
		if (down) {
			open.forEach(socket -> close(socket, socket));
		}
	}

	/** All that clients have sent so far, as text. */
	String sent() {
		synchronized (sent) {
			return sent.toString(StandardCharsets.ISO_8859_1);
		}
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				if (down) {
					client.close();
					continue;
				}
				Socket upstream = new Socket(target.getHost(), target.getPort());
				open.add(client);
				open.add(upstream);
				threads.execute(() -> pipe(client, upstream, true));
				threads.execute(() -> pipe(upstream, client, false));
			}
			catch (IOException ex) {
				// a refused connection ends that connection only
			}
		}
	}

	private void pipe(Socket from, Socket to, boolean record) {
		try {
			// closing a socket's stream closes the socket: the other way may still be going
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			byte[] buffer = new byte[16384];
			int n;
			while ((n = in.read(buffer)) >= 0) {
				if (record) {
					synchronized (sent) {
						sent.write(buffer, 0, n);
					}
				}
				out.write(buffer, 0, n);
				out.flush();
			}
			to.shutdownOutput();
			if (from.isOutputShutdown()) {
				close(from, to);
			}
		}
		catch (IOException ex) {
			close(from, to);
		}
	}

	private void close(Socket one, Socket other) {
		open.remove(one);
		open.remove(other);
		try {
			one.close();
			other.close();
		}
		catch (IOException ignored) {
			// closed already
		}
	}

}

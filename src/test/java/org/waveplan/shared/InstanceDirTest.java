package org.waveplan.shared;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.waveplan.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;

/** Instance directories: a live one is never swept, by this JVM or another; a dead one's are. */
class InstanceDirTest {

	@TempDir
	Path parent;

	@Test
	void aSecondInstanceInTheSameJvmLeavesTheFirstLockedForOtherProcesses() throws Exception {
		try (InstanceDir first = InstanceDir.open(parent); InstanceDir second = InstanceDir.open(parent)) {
			// the second's sweep looked at the first: on Linux, had it opened the first's lock file, the lock was gone
			assertThat(first.path()).isDirectory();
			assertThat(lockedInAnotherProcess(first.path().resolve(".lock"))).isTrue();
			assertThat(lockedInAnotherProcess(second.path().resolve(".lock"))).isTrue();
		}
		assertThat(parent).isEmptyDirectory();
	}

	@Test
	void aDirectoryBeingSetUpIsLeftAloneForAMinuteThenSwept() throws Exception {
		Path young = Files.createDirectory(parent.resolve(".new-young"));
		Path old = Files.createDirectory(parent.resolve(".new-old"));
		Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(120)));

		try (InstanceDir live = InstanceDir.open(parent)) {
			assertThat(young).isDirectory();
			assertThat(old).doesNotExist();
			assertThat(live.path().getFileName().toString()).doesNotStartWith(".new-");
		}
	}

	/** Whether another JVM finds the file locked, as the next instance would. */
	private static boolean lockedInAnotherProcess(Path lockFile) throws IOException, InterruptedException {
		Process probe = new ProcessBuilder(ChildJvm.command(LockProbe.class, lockFile.toString()))
			.redirectErrorStream(true)
			.start();
		assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String said = new String(probe.getInputStream().readAllBytes()).strip();
		assertThat(said).isIn("held", "free");
		return said.equals("held");
	}

	/** Says whether the file given is locked by another process. */
	static final class LockProbe {

		public static void main(String[] args) throws IOException {
			try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
					FileLock lock = channel.tryLock()) {
				System.out.println(lock == null ? "held" : "free");
			}
		}

	}

}

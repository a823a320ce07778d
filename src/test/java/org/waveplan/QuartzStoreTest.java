package org.waveplan;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.JobStoreSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Quartz keeps jobs in the database, so a restart of the application keeps every trigger. */
class QuartzStoreTest {

	@TempDir
	Path dataDir;

	public static class Noop implements Job {

		@Override
		public void execute(JobExecutionContext context) {
		}

	}

	@Test
	void aTriggerSurvivesARestart() throws Exception {
		TriggerKey trigger = TriggerKey.triggerKey("nightly", "test");
		try (ConfigurableApplicationContext first = start()) {
			Scheduler scheduler = first.getBean(Scheduler.class);
			assertThat(JobStoreSupport.class).isAssignableFrom(scheduler.getMetaData().getJobStoreClass());
			scheduler.scheduleJob(JobBuilder.newJob(Noop.class).withIdentity("noop", "test").storeDurably().build(),
					TriggerBuilder.newTrigger().withIdentity(trigger).withSchedule(CronScheduleBuilder.cronSchedule("0 0 3 * * ?"))
						.build());
		}
		assertThat(Files.exists(dataDir.resolve("waveplan.mv.db"))).isTrue();
		try (ConfigurableApplicationContext second = start()) {
			Scheduler scheduler = second.getBean(Scheduler.class);
			assertThat(scheduler.checkExists(trigger)).isTrue();
			assertThat(scheduler.checkExists(JobKey.jobKey("noop", "test"))).isTrue();
		}
	}

	private ConfigurableApplicationContext start() {
		return SpringApplication.run(WaveplanApplication.class, "--server.port=0", "--waveplan.data-dir=" + dataDir,
				"--spring.quartz.scheduler-name=waveplan-quartz-test",
				"--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("waveplan"));
	}

}

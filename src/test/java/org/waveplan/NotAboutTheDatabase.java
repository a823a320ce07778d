package org.waveplan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test of files, FFmpeg or HTTP whose database work is what the other tests of its class already do: the run of
 * its class on PostgreSQL (a subclass named {@code *OnPostgresTest}) leaves it out, as it would prove nothing
 * more there and costs seconds of FFmpeg.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NotAboutTheDatabase.OnH2Only.class)
public @interface NotAboutTheDatabase {

	class OnH2Only implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			boolean postgres = context.getTestClass().map(c -> c.getSimpleName().endsWith("OnPostgresTest")).orElse(false);
			return postgres ? ConditionEvaluationResult.disabled("not about the database: run on H2 only")
					: ConditionEvaluationResult.enabled("not about the database");
		}

	}

}

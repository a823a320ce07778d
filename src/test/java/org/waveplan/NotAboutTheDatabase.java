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
 * A test of local disk faults, FFmpeg or HTTP whose database work is what the other tests of its class already do: the
 * run of its class on PostgreSQL (a subclass named {@code *OnPostgresTest} or {@code *OnPostgresAndS3Test}) leaves it
 * out, as it would prove nothing more there (a disk made full or unwritable is not how a bucket fails) and costs
 * seconds of FFmpeg.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NotAboutTheDatabase.OnH2Only.class)
public @interface NotAboutTheDatabase {

	class OnH2Only implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			boolean postgres = context.getTestClass().map(c -> c.getSimpleName().matches(".*OnPostgres(AndS3)?Test")).orElse(false);
			return postgres ? ConditionEvaluationResult.disabled("not about the database: run on H2 only")
					: ConditionEvaluationResult.enabled("not about the database");
		}

	}

}

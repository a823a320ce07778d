package org.waveplan.schedule;

/**
 * Whether a program exists, asked before a slot is bound to it. The catalog answers; the schedule
 * knows programs only by their slug.
 */
public interface ProgramCheck {

	boolean exists(String slug);

}

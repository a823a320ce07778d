package org.waveplan.schedule;

/** A slot that carries a program, as the catalog sees it when it plans airings. */
public record ProgramSlot(long slotId, String program, String site, String transmitter, int frequencyKhz,
		BroadcastTime time) {
}

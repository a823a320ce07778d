package org.waveplan.schedule;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The slots that carry programs: what the catalog turns into airings. */
@Service
public class ProgramSlots {

	private final SlotRepository slots;

	ProgramSlots(SlotRepository slots) {
		this.slots = slots;
	}

	/** The slots that carry one program, in any season. */
	@Transactional(readOnly = true)
	public List<ProgramSlot> carrying(String program) {
		return slots.findByProgram(program).stream().map(ProgramSlots::of).toList();
	}

	/** Slots bound to a program with airings starting between the two dates (inclusive). */
	@Transactional(readOnly = true)
	public List<ProgramSlot> between(LocalDate from, LocalDate to) {
		return slots.findWithProgram(from, to)
			.stream()
			.map(ProgramSlots::of)
			.toList();
	}

	private static ProgramSlot of(Slot s) {
		return new ProgramSlot(s.getId(), s.getProgram(), s.getTransmitter().getSite().getCode(),
				s.getTransmitter().getName(), s.getFrequencyKhz(), s.getTime());
	}

}

package org.waveplan.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SlotRepository extends JpaRepository<Slot, Long> {

	String WITH_TRANSMITTER = "select s from Slot s join fetch s.transmitter t join fetch t.site left join fetch s.antenna ";

	@Query(WITH_TRANSMITTER + "where s.id = ?1")
	Optional<Slot> findWithTransmitter(Long id);

	/** Slots with airings starting between the two dates (inclusive). */
	@Query(WITH_TRANSMITTER + "where s.time.validFrom <= ?2 and s.time.validTo >= ?1 order by s.id")
	List<Slot> findActive(LocalDate from, LocalDate to);

	@Query(WITH_TRANSMITTER + "where s.program = ?1 order by s.time.validFrom, s.time.start, s.id")
	List<Slot> findByProgram(String program);

	@Query(WITH_TRANSMITTER + "where s.time.validFrom <= ?2 and s.time.validTo >= ?1 and s.program is not null order by s.id")
	List<Slot> findWithProgram(LocalDate from, LocalDate to);

	@Query(WITH_TRANSMITTER + "where s.time.validFrom <= ?2 and s.time.validTo >= ?1 and t.site.code = ?3 order by s.id")
	List<Slot> findActiveAtSite(LocalDate from, LocalDate to, String siteCode);

	/**
	 * Everything a slot could clash with: the same transmitter or antenna, or a frequency within
	 * reach of an adjacent-channel collision, with airings in the date window.
	 */
	@Query(WITH_TRANSMITTER + """
			where s.time.validFrom <= ?2 and s.time.validTo >= ?1
			and (t.id = ?3 or s.antenna.id = ?4 or s.frequencyKhz between ?5 and ?6)""")
	List<Slot> findNear(LocalDate from, LocalDate to, Long transmitterId, Long antennaId, int lowKhz, int highKhz);

}

package org.waveplan.schedule;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TransmitterRepository extends JpaRepository<Transmitter, Long> {

	@Query("select t from Transmitter t join fetch t.site s where s.code = ?1 and t.name = ?2")
	Optional<Transmitter> findBySiteAndName(String siteCode, String name);

	@Query("select t from Transmitter t join fetch t.site s where s.code = ?1 order by t.name")
	List<Transmitter> findBySite(String siteCode);

	/**
	 * Locks the transmitter row for the rest of the transaction, so that two engineers cannot
	 * both book it for the same hour: the second waits and then sees the first one's slot.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from Transmitter t where t.id = ?1")
	Optional<Transmitter> lock(Long id);

}

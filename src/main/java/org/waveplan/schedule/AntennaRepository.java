package org.waveplan.schedule;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AntennaRepository extends JpaRepository<Antenna, Long> {

	/** Locks the antenna row for the transaction: see {@link TransmitterRepository#lock}. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Antenna a where a.id = ?1")
	Optional<Antenna> lock(Long id);

}

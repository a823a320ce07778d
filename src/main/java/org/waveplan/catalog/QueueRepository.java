package org.waveplan.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface QueueRepository extends JpaRepository<QueueEntry, Long> {

	/** The queue as it stands: entries not aired yet, in order. */
	@Query("select q from QueueEntry q join fetch q.episode where q.program = ?1 and q.airedOn is null order by q.position, q.id")
	List<QueueEntry> waiting(Program program);

	@Query("select q from QueueEntry q where q.id = ?1 and q.program = ?2 and q.airedOn is null")
	Optional<QueueEntry> findWaiting(Long id, Program program);

}

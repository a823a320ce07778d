package org.waveplan.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AiringRepository extends JpaRepository<Airing, Long> {

	@Query("select a from Airing a left join fetch a.episode where a.broadcastDate >= ?1 order by a.startsAt, a.id")
	List<Airing> fromDay(LocalDate day);

	/** Airings already on the air (or past) that carry these queue entries. */
	@Query("select a from Airing a where a.queueEntryId in ?1 and a.startsAt <= ?2")
	List<Airing> begunWith(Collection<Long> queueEntryIds, Instant now);

	@Query("""
			select a from Airing a left join fetch a.episode
			where a.startsAt < ?2 and a.stopsAt > ?1
			and (?3 is null or a.site = ?3) and (?4 is null or a.program = ?4)
			order by a.startsAt, a.site, a.id""")
	List<Airing> find(Instant from, Instant to, String site, String program);

	@Query("select a from Airing a left join fetch a.episode where a.startsAt > ?1 order by a.startsAt, a.id")
	List<Airing> startingAfter(Instant now);

	@Query("select a from Airing a left join fetch a.episode where a.program in ?1 and a.broadcastDate between ?2 and ?3"
			+ " order by a.startsAt, a.id")
	List<Airing> onDays(Collection<String> programs, LocalDate from, LocalDate to);

	@Query("select a from Airing a left join fetch a.episode where a.id = ?1")
	Optional<Airing> findWithEpisode(long id);

}

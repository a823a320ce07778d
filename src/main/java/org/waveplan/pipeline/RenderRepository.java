package org.waveplan.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RenderRepository extends JpaRepository<Render, Long> {

	List<Render> findByStartsAtAfter(Instant instant);

	Optional<Render> findFirstBySiteAndRenditionKeyAndState(String site, String renditionKey, RenderState state);

	@Query("select r.airingId from Render r where r.state = org.waveplan.pipeline.RenderState.DONE and r.airingId in ?1")
	Set<Long> doneAmong(Collection<Long> airingIds);

	/** The renders that one FFmpeg run does together: same source, ident, length and day, free or the owner's. */
	@Query("""
			select r from Render r where r.sourceSha256 = ?1 and r.broadcastDate = ?2 and r.lengthMillis = ?3
			and (r.identSha256 = ?4 or (?4 is null and r.identSha256 is null))
			and (r.state = org.waveplan.pipeline.RenderState.QUEUED
				or (r.state = org.waveplan.pipeline.RenderState.RUNNING and r.claimedBy = ?5))
			order by r.airingId""")
	List<Render> batch(String sourceSha256, LocalDate day, long lengthMillis, String identSha256, String owner);

	@Query("select r from Render r where r.state = org.waveplan.pipeline.RenderState.RUNNING and r.claimedBy = ?1")
	List<Render> claimedBy(String owner);

	// progress only: no version bump, a state change by someone else wins over it
	@Modifying
	@Query("""
			update Render r set r.progress = ?2
			where r.claimedBy = ?1 and r.state = org.waveplan.pipeline.RenderState.RUNNING""")
	int progress(String owner, double progress);

	@Query("""
			select r from Render r where r.startsAt >= ?1
			and (?2 is null or r.airingId = ?2) and (?3 is null or r.state = ?3) and (?4 is null or r.site = ?4)
			order by r.startsAt, r.site, r.airingId""")
	List<Render> find(Instant from, Long airingId, RenderState state, String site);

}

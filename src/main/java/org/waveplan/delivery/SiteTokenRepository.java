package org.waveplan.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SiteTokenRepository extends JpaRepository<SiteToken, Long> {

	Optional<SiteToken> findByTokenSha256(String tokenSha256);

	List<SiteToken> findBySiteOrderById(String site);

	@Query("select distinct t.site from SiteToken t where t.revokedAt is null")
	List<String> sitesWithLiveTokens();

	boolean existsBySiteAndRevokedAtIsNull(String site);

	boolean existsBySiteAndCreatedByAndRevokedAtIsNull(String site, String createdBy);

	@Modifying
	@Query("update SiteToken t set t.lastUsedAt = ?2 where t.id = ?1")
	void used(long id, Instant at);

}

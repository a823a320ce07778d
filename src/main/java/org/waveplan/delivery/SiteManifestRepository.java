package org.waveplan.delivery;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SiteManifestRepository extends JpaRepository<SiteManifest, String> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from SiteManifest m where m.site = ?1")
	Optional<SiteManifest> lock(String site);

	@Query("select coalesce(max(m.version), 0) from SiteManifest m")
	long highestVersion();

}

package org.waveplan.schedule;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ExternalEntryRepository extends JpaRepository<ExternalEntry, Long> {

	@Query("select e from ExternalEntry e where e.time.validFrom <= ?2 and e.time.validTo >= ?1")
	List<ExternalEntry> findActive(LocalDate from, LocalDate to);

	@Query("select e from ExternalEntry e where e.time.validFrom <= ?2 and e.time.validTo >= ?1 and e.frequencyKhz between ?3 and ?4")
	List<ExternalEntry> findNear(LocalDate from, LocalDate to, double lowKhz, double highKhz);

	long countBySource(String source);

	@Modifying
	@Query("delete from ExternalEntry e where e.source = ?1")
	int deleteBySource(String source);

}

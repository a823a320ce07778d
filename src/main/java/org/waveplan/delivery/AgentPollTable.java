package org.waveplan.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The agents' last polls as the instances wrote them: each row keeps the newest poll any instance answered. */
@Repository
class AgentPollTable {

	private final NamedParameterJdbcTemplate jdbc;

	AgentPollTable(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A poll of a site as one instance saw it. */
	record Poll(Instant at, long version, Integer intervalSeconds, Long tokenId) {

		Poll newer(Poll other) {
			return other.at().isAfter(at) ? other : this;
		}

	}

	/**
	 * Keeps the poll unless the row holds a newer one, written by another instance sharing the database. Each
	 * statement commits on its own: on PostgreSQL a failed insert would spoil a surrounding transaction.
	 */
	void save(String site, Poll poll) {
		MapSqlParameterSource values = new MapSqlParameterSource("site", site)
			.addValue("at", poll.at().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("version", poll.version())
			.addValue("interval", poll.intervalSeconds(), Types.INTEGER)
			.addValue("token", poll.tokenId(), Types.BIGINT);
		if (update(values) > 0) {
			return;
		}
		try {
			jdbc.update("insert into agent_poll (site, last_poll_at, manifest_version, interval_seconds, token_id)"
					+ " values (:site, :at, :version, :interval, :token)", values);
		}
		catch (DuplicateKeyException exists) {
			update(values); // the row was there after all, written by another instance: the newer poll stays
		}
	}

	private int update(MapSqlParameterSource values) {
		return jdbc.update("update agent_poll set last_poll_at = :at, manifest_version = :version,"
				+ " interval_seconds = :interval, token_id = :token where site = :site and last_poll_at < :at", values);
	}

	record Row(String site, Poll poll) {
	}

	List<Row> all() {
		return jdbc.query("select * from agent_poll", (rs, i) -> new Row(rs.getString("site"), poll(rs)));
	}

	Optional<Poll> of(String site) {
		return jdbc.query("select * from agent_poll where site = :site", Map.of("site", site), (rs, i) -> poll(rs))
			.stream()
			.findFirst();
	}

	private static Poll poll(ResultSet rs) throws SQLException {
		return new Poll(rs.getObject("last_poll_at", OffsetDateTime.class).toInstant(), rs.getLong("manifest_version"),
				rs.getObject("interval_seconds", Integer.class), rs.getObject("token_id", Long.class));
	}

}

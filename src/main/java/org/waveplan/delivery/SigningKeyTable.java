package org.waveplan.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The manifest signing keys every instance shares; the highest generation is the current one. */
@Repository
class SigningKeyTable {

	private final NamedParameterJdbcTemplate jdbc;

	SigningKeyTable(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A key as stored: its private half encrypted ({@link KeyEncryptionKey}). */
	record Row(String keyId, int generation, String publicKey, String privateKey, Instant createdAt) {
	}

	void insert(Row row) {
		jdbc.update("insert into signing_key (key_id, generation, algorithm, public_key, private_key, created_at)"
				+ " values (:id, :generation, 'Ed25519', :public, :private, :created)",
				new MapSqlParameterSource("id", row.keyId()).addValue("generation", row.generation())
					.addValue("public", row.publicKey())
					.addValue("private", row.privateKey())
					.addValue("created", row.createdAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE));
	}

	/** Oldest first, the current one last. */
	List<Row> all() {
		return jdbc.query("select * from signing_key order by generation", SigningKeyTable::row);
	}

	Optional<Row> newest() {
		return jdbc.query("select * from signing_key order by generation desc fetch first 1 rows only",
				SigningKeyTable::row).stream().findFirst();
	}

	/** The current key's id: all that is read while it does not change. */
	Optional<String> newestId() {
		return jdbc.queryForList("select key_id from signing_key order by generation desc fetch first 1 rows only",
				Map.of(), String.class).stream().findFirst();
	}

	Set<String> ids() {
		return new HashSet<>(jdbc.queryForList("select key_id from signing_key", Map.of(), String.class));
	}

	/** {@code null} while there is no key. */
	Integer lowestGeneration() {
		return jdbc.queryForObject("select min(generation) from signing_key", Map.of(), Integer.class);
	}

	/** 0 while there is no key. */
	int highestGeneration() {
		Integer highest = jdbc.queryForObject("select max(generation) from signing_key", Map.of(), Integer.class);
		return highest == null ? 0 : highest;
	}

	/** Whether this is the embedded H2 database, where one instance may keep its own key-encryption key. */
	boolean embedded() {
		return Boolean.TRUE.equals(jdbc.getJdbcTemplate()
			.execute((ConnectionCallback<Boolean>) c -> "H2".equals(c.getMetaData().getDatabaseProductName())));
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getString("key_id"), rs.getInt("generation"), rs.getString("public_key"),
				rs.getString("private_key"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}

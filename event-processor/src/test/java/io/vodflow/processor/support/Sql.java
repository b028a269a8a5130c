package io.vodflow.processor.support;

import io.vodflow.infra.postgres.PostgresDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC against a test database: the tests read state the way an operator would. */
public final class Sql {
    private final PostgresDatabase db;

    public Sql(PostgresDatabase db) {
        this.db = db;
    }

    public void update(String sql, Object... args) {
        try (Connection c = db.connect(); PreparedStatement ps = prepare(c, sql, args)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows as column → value maps, in query order. */
    public List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = db.connect(); PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<Map<String, Object>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first row, or null. */
    public Map<String, Object> row(String sql, Object... args) {
        List<Map<String, Object>> all = rows(sql, args);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The first column of the first row as a long (e.g. a count). */
    public long count(String sql, Object... args) {
        return ((Number) row(sql, args).values().iterator().next()).longValue();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}

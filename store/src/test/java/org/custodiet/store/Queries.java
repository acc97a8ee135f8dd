package org.custodiet.store;

/** Reading back single values in tests, to check what a change wrote. */
public final class Queries {
  private Queries() {}

  /** The one value {@code sql} selects, its {@code ?} bound to {@code args} in order. */
  public static <T> T one(Database db, Class<T> type, String sql, Object... args) {
    return db.jdbi()
        .withHandle(
            h -> {
              var q = h.createQuery(sql);
              for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
              }
              return q.mapTo(type).one();
            });
  }

  /** The one number {@code sql} selects, such as a COUNT(*). */
  public static long count(Database db, String sql, Object... args) {
    return one(db, Long.class, sql, args);
  }
}

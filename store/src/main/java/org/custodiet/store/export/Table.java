package org.custodiet.store.export;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One dataset as rows of values in column order; null is a missing value. Rows are produced on
 * demand, so that a large export is written without holding it in memory.
 */
public record Table(ExportDataset dataset, List<Column> columns, Supplier<Stream<Object[]>> rows) {
  public Table {
    columns = List.copyOf(columns);
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }
}

package org.custodiet.app;

/** Output formats of the reading commands. */
enum Format {
  table,
  json,
  csv
}

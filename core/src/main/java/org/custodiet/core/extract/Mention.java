package org.custodiet.core.extract;

/** One recognised span of text and what it means. */
record Mention(Gazetteer.Kind kind, int ref, int start, int end) {}

/**
 * The domain of custodiet as plain values: countries, companies, the technology taxonomy, sources,
 * claims and the evidence that links them. No I/O and no framework lives here.
 */
package org.custodiet.core.model;

package org.custodiet.web.screening;

/** The report form's fields as typed, echoed back into the form. */
public record ReportForm(
    String counterparty, String destination, String technology, String endUser) {}

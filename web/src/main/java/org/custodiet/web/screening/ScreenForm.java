package org.custodiet.web.screening;

/** The screening form's fields as typed, echoed back into the form. */
public record ScreenForm(String name, String country, String schema, String list) {}

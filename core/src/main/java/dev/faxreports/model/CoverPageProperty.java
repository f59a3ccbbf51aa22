package dev.faxreports.model;

/** One key/value pair of personalized cover-page data. */
public record CoverPageProperty(String key, String value) {}

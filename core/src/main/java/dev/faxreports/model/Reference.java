package dev.faxreports.model;

/**
 * The customer's own reference for a job; each part may be {@code null}.
 *
 * @param customerDefinedId freely defined ID (at most 256 characters at the service)
 * @param billingCode cost center (at most 80 characters)
 * @param billingInfo additional accounting data (at most 80 characters)
 */
public record Reference(String customerDefinedId, String billingCode, String billingInfo) {}

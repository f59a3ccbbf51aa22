package dev.faxreports.transport.feign;

/** A 2xx answer's status and body, decoded afterwards by the wire module. */
record RawAnswer(int status, byte[] body) {}

/**
 * The contract every transport and the in-memory fake must pass: {@link
 * dev.faxreports.testkit.contract.TransportContract} for the SPI and {@link
 * dev.faxreports.testkit.contract.FacadeContract} for the service rules through the facade. A
 * transport module extends both with a {@link dev.faxreports.testkit.contract.ContractSubject}
 * over the HTTP fake server.
 */
package dev.faxreports.testkit.contract;

package dev.faxreports.internal;

import dev.faxreports.model.DataCenter;
import dev.faxreports.model.DeletionResult;
import dev.faxreports.model.FaxReport;
import dev.faxreports.port.FaxReportsTransport;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** A transport that passes every call on; tests override the calls whose answers they bend. */
class ForwardingTransport implements FaxReportsTransport {
  private final FaxReportsTransport delegate;

  ForwardingTransport(FaxReportsTransport delegate) {
    this.delegate = delegate;
  }

  @Override
  public CompletionStage<List<FaxReport>> listOldest(DataCenter dataCenter) {
    return delegate.listOldest(dataCenter);
  }

  @Override
  public CompletionStage<List<DeletionResult>> deleteOldest(DataCenter dataCenter) {
    return delegate.deleteOldest(dataCenter);
  }

  @Override
  public CompletionStage<FaxReport> fetch(DataCenter dataCenter, String jobId) {
    return delegate.fetch(dataCenter, jobId);
  }

  @Override
  public CompletionStage<DeletionResult> delete(DataCenter dataCenter, String jobId) {
    return delegate.delete(dataCenter, jobId);
  }

  @Override
  public CompletionStage<List<FaxReport>> bulkGet(DataCenter dataCenter, List<String> jobIds) {
    return delegate.bulkGet(dataCenter, jobIds);
  }

  @Override
  public CompletionStage<List<DeletionResult>> bulkDelete(DataCenter dataCenter, List<String> jobIds) {
    return delegate.bulkDelete(dataCenter, jobIds);
  }

  @Override
  public void close() {
    delegate.close();
  }
}

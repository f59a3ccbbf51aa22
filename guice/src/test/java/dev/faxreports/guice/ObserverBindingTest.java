package dev.faxreports.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.faxreports.FaxReports;
import dev.faxreports.model.DataCenter;
import dev.faxreports.observe.FaxReportsObserver;
import dev.faxreports.observe.PageListed;
import dev.faxreports.port.FaxReportsTransport;
import dev.faxreports.testkit.FakeFaxService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Observers bound into the module's set reach the facade; without any, none is needed. */
class ObserverBindingTest {

  private static final Map<String, String> EUROPE = Map.of(
      "retarus.fax.region", "EUROPE",
      "retarus.fax.customer-number", "12345",
      "retarus.fax.username", "user",
      "retarus.fax.password", "secret-pw");

  /** Remembers the listings it hears. */
  private static final class Listings implements FaxReportsObserver {
    final List<PageListed> heard = new CopyOnWriteArrayList<>();

    @Override
    public void pageListed(PageListed page) {
      heard.add(page);
    }
  }

  @Test
  void everyBoundObserverHearsTheFacade() {
    FakeFaxService fake = FakeFaxService.europe();
    fake.seedSamples(DataCenter.DE1, 4);
    Listings first = new Listings();
    Listings second = new Listings();

    Injector injector = Guice.createInjector(new FaxReportsModule(EUROPE), binder -> {
      OptionalBinder.newOptionalBinder(binder, FaxReportsTransport.class).setBinding().toInstance(fake);
      Multibinder<FaxReportsObserver> observers = Multibinder.newSetBinder(binder, FaxReportsObserver.class);
      observers.addBinding().toInstance(first);
      observers.addBinding().toInstance(second);
    });

    try (FaxReports reports = injector.getInstance(FaxReports.class)) {
      reports.list();
    }
    assertThat(first.heard).extracting(PageListed::size).containsExactlyInAnyOrder(4, 0);
    assertThat(second.heard).containsExactlyInAnyOrderElementsOf(first.heard);
  }

  @Test
  void withoutObserversTheModuleStillBinds() {
    FakeFaxService fake = FakeFaxService.europe();
    Injector injector = Guice.createInjector(new FaxReportsModule(EUROPE), binder ->
        OptionalBinder.newOptionalBinder(binder, FaxReportsTransport.class).setBinding().toInstance(fake));
    try (FaxReports reports = injector.getInstance(FaxReports.class)) {
      assertThat(reports.list().isComplete()).isTrue();
    }
  }
}
